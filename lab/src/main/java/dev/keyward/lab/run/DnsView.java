package dev.keyward.lab.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * One lab machine's DNS server: a UDP socket on 127.0.0.1 that answers SRV and A questions from the
 * {@link LabDns} as that machine sees the network. Unknown names get NXDOMAIN; other types an empty
 * answer. Runs on a daemon thread until closed.
 */
final class DnsView implements AutoCloseable {
  private static final long TTL = 60;

  private final LabDns dns;
  private final String machine;
  private final DatagramSocket socket;

  private DnsView(LabDns dns, String machine, DatagramSocket socket) {
    this.dns = dns;
    this.machine = machine;
    this.socket = socket;
  }

  static DnsView start(LabDns dns, String machine) {
    try {
      DatagramSocket socket =
          new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      DnsView view = new DnsView(dns, machine, socket);
      Thread t = new Thread(view::serve, "lab-dns-" + machine);
      t.setDaemon(true);
      t.start();
      return view;
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        byte[] answer = answer(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
        if (answer != null) {
          socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
        }
      } catch (IOException e) {
        // closed, or one bad packet: the loop ends with the socket, else goes on
      }
    }
  }

  /** The answer to one query; null for what is not a query. */
  byte[] answer(byte[] wire) {
    Message query;
    try {
      query = new Message(wire);
    } catch (IOException e) {
      return null;
    }
    Record question = query.getQuestion();
    if (question == null || query.getHeader().getFlag(Flags.QR)) {
      return null;
    }
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
    }
    response.addRecord(question, Section.QUESTION);
    try {
      fill(response, question);
    } catch (TextParseException e) {
      response.getHeader().setRcode(Rcode.NXDOMAIN);
    }
    return response.toWire(65535);
  }

  private void fill(Message response, Record question) throws TextParseException {
    String name = question.getName().toString();
    boolean known;
    if (question.getType() == Type.SRV) {
      var found = dns.srv(machine, name);
      known = !found.isEmpty();
      for (LabDns.Srv srv : found) {
        Name target = Name.fromString(srv.targetName(), Name.root);
        response.addRecord(
            new SRVRecord(
                question.getName(),
                DClass.IN,
                TTL,
                srv.record().priority(),
                srv.record().weight(),
                srv.record().port(),
                target),
            Section.ANSWER);
        srv.address()
            .ifPresent(
                a ->
                    response.addRecord(new ARecord(target, DClass.IN, TTL, a), Section.ADDITIONAL));
      }
    } else {
      var address = dns.a(machine, name);
      known = address.isPresent();
      if (question.getType() == Type.A) {
        address.ifPresent(
            a ->
                response.addRecord(
                    new ARecord(question.getName(), DClass.IN, TTL, a), Section.ANSWER));
      }
    }
    if (!known) {
      response.getHeader().setRcode(Rcode.NXDOMAIN);
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
