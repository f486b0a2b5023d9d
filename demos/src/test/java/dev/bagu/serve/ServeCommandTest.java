package dev.bagu.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Registry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bagu serve}'s arguments: mistakes are one line and exit code 2, before anything binds. */
class ServeCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Registry registry = new Registry(List.of(new LineDemo()));

  private int serve(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    return Bagu.execute(registry, all, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void badArgumentsAreOneLine() {
    assertThat(serve("--port", "70000")).isEqualTo(2);
    assertThat(err.toString()).contains("--port 70000 is out of range");
    assertThat(serve("--lang", "fr")).isEqualTo(2);
    assertThat(err.toString()).contains("--lang: language 'fr' is not known");
    assertThat(serve("--threads", "0")).isEqualTo(2);
    assertThat(serve("--host", "no-such-host.invalid")).isEqualTo(2);
    assertThat(err.toString()).contains("--host no-such-host.invalid");
  }

  @Test
  void aPortInUseIsOneLine() throws Exception {
    try (ServeServer taken = ServeServer.start(registry, ServeConfig.defaults().withPort(0),
        new PrintWriter(new StringWriter()))) {
      assertThat(serve("--port", Integer.toString(taken.port()))).isEqualTo(2);
      assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.port())
          .doesNotContain("Exception\n\tat");
    }
  }

  @Test
  void uploadNamesAreMadeHarmless() {
    assertThat(UploadStore.safeName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(UploadStore.safeName("C:\\data\\boxes.csv")).isEqualTo("boxes.csv");
    assertThat(UploadStore.safeName("<script>.csv")).isEqualTo("script.csv");
    assertThat(UploadStore.safeName("..")).isEqualTo("upload.csv");
    assertThat(UploadStore.safeName(null)).isEqualTo("upload.csv");
  }

  @Test
  void uploadsBeyondTheStoreBoundDropTheOldest() {
    UploadStore store = new UploadStore(10);
    String a = store.put(new UploadedFile("a.csv", new byte[6]));
    String b = store.put(new UploadedFile("b.csv", new byte[6]));
    assertThat(store.get(a)).isNull();
    assertThat(store.get(b)).isNotNull();
  }
}
