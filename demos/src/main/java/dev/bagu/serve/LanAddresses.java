package dev.bagu.serve;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** This machine's addresses on the local network: what {@code --host 0.0.0.0} prints. */
public final class LanAddresses {
  private LanAddresses() {}

  /** IPv4 addresses of interfaces that are up and not loopback, sorted ("192.168.1.20"). */
  public static List<String> ipv4() {
    List<String> out = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
            out.add(a.getHostAddress());
          }
        }
      }
    } catch (SocketException e) {
      return List.of();
    }
    Collections.sort(out);
    return out;
  }
}
