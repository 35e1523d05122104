package dev.keyward.lab.run;

import dev.keyward.client.KeywardClient;
import dev.keyward.client.KeywardException;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.vmhost.VmHostChannel;
import dev.keyward.lab.run.Checks.Outcome;
import dev.keyward.volumehost.VmHostAgent;
import dev.keyward.volumehost.VolumeHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code {on: hv1, run: "vm-host start"}} and {@code vm-host stop}: a host agent of host-based VM
 * activation (the volume-host module's {@link VmHostAgent}, what {@code keyward vm-host serve}
 * runs) in this process, serving from the machine's store on the machine's clock. Each host's agent
 * listens on its own Unix socket in the lab directory ({@link #channel}); a guest's machine file
 * names its host's socket ({@code host: hv1}), which answers only while that agent runs.
 */
final class LabVmHosts implements AutoCloseable {
  private final LabSession lab;
  private final Map<String, VmHostAgent> running = new LinkedHashMap<>();

  LabVmHosts(LabSession lab) {
    this.lab = lab;
  }

  /** The channel of host H's agent, as its guests' machine files name it. */
  static String channel(Path labDir, String host) {
    return "unix:" + socket(labDir, host);
  }

  private static Path socket(Path labDir, String host) {
    return labDir.resolve("vm-" + host + ".sock");
  }

  /** Whether the words are a lab VM host command rather than a keyward command. */
  static boolean handles(List<String> words) {
    return LabServers.handles("vm-host", words);
  }

  Outcome run(LabMachine m, List<String> words) {
    return LabServers.startOrStop("vm-host", words, () -> start(m), () -> stop(m));
  }

  private String start(LabMachine m) {
    if (running.containsKey(m.name)) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST, "a host agent already runs on " + m.name + " (stop it first)");
    }
    KeywardClient client = LabServers.client(lab, m);
    VmHostAgent agent;
    try {
      agent =
          VmHostAgent.start(
              new VmHostAgent.Config(
                  client, new VmHostChannel.Unix(socket(lab.dir, m.name)), lab.clock(m)));
    } catch (VolumeHostException e) {
      throw new KeywardException(e.failure());
    }
    running.put(m.name, agent);
    Optional<Failure> refusal = agent.refusal();
    return "Keyward host agent listening on "
        + agent.channel()
        + refusal.map(f -> " (refusing guests now: " + f.error().hex() + ")").orElse("")
        + ".\n";
  }

  private String stop(LabMachine m) {
    VmHostAgent agent = running.remove(m.name);
    if (agent == null) {
      throw KeywardException.of(ErrorCode.BAD_REQUEST, "no host agent runs on " + m.name);
    }
    agent.close();
    return "The host agent on " + m.name + " stopped.\n";
  }

  @Override
  public void close() {
    running.values().forEach(VmHostAgent::close);
    running.clear();
  }
}
