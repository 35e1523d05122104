package dev.keyward.client;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.vmhost.VmAgentAnswer;
import dev.keyward.core.vmhost.VmHostChannel;
import dev.keyward.core.vmhost.VmWire;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A guest's one exchange with its host agent over the host-only channel (SPEC §12): connect, send
 * the request, read the answer (bounded in size and time). Nothing answering, or answering too
 * slowly, is 0xC0DE003B; an answer that is not the agent's protocol is 0xC0DE003C.
 */
final class VmAgentConnection {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private VmAgentConnection() {}

  static VmAgentAnswer exchange(VmHostChannel channel, String request) {
    SocketChannel socket;
    try {
      socket =
          channel instanceof VmHostChannel.Unix
              ? SocketChannel.open(StandardProtocolFamily.UNIX)
              : SocketChannel.open();
    } catch (IOException | UnsupportedOperationException e) {
      throw unreachable(channel, e.getMessage());
    }
    FutureTask<Optional<String>> task = new FutureTask<>(() -> talk(socket, channel, request));
    Thread.ofVirtual().name("vm-agent-exchange").start(task);
    Optional<String> answer;
    try (socket) {
      answer = task.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw unreachable(channel, "no answer within " + TIMEOUT.toSeconds() + " s");
    } catch (ExecutionException e) {
      throw unreachable(channel, String.valueOf(e.getCause().getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(channel, "interrupted");
    } catch (IOException e) {
      throw unreachable(channel, e.getMessage());
    }
    return answer
        .flatMap(VmAgentAnswer::fromJsonText)
        .orElseThrow(
            () ->
                KeywardException.of(
                    ErrorCode.VM_AGENT_BAD_MESSAGE,
                    "What answered on "
                        + channel
                        + " is not a Keyward host agent (its answer is not the agent's"
                        + " protocol)."));
  }

  private static Optional<String> talk(SocketChannel socket, VmHostChannel channel, String request)
      throws IOException {
    socket.connect(address(channel));
    VmWire.write(socket, request);
    socket.shutdownOutput();
    return VmWire.read(socket, VmWire.MAX_ANSWER);
  }

  private static SocketAddress address(VmHostChannel channel) {
    return switch (channel) {
      case VmHostChannel.Unix u -> UnixDomainSocketAddress.of(u.path());
      case VmHostChannel.Tcp t -> new InetSocketAddress(t.host(), t.port());
    };
  }

  private static KeywardException unreachable(VmHostChannel channel, String why) {
    return KeywardException.of(
        ErrorCode.VM_HOST_UNREACHABLE, "No host agent answered on " + channel + " (" + why + ").");
  }
}
