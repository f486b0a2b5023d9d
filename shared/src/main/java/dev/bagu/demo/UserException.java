package dev.bagu.demo;

/**
 * A problem the user can fix (a bad parameter, an unknown demo id, a malformed input file, an
 * output folder that cannot be written). The command line prints its message as one line and
 * exits with code 2; the message alone must say what was wrong, the value given and what is
 * allowed.
 */
public class UserException extends RuntimeException {
  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
