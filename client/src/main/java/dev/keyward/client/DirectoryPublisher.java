package dev.keyward.client;

import dev.keyward.core.directory.ActivationObject;
import dev.keyward.core.directory.ActivationObjectEntry;
import dev.keyward.core.directory.DirectorySchema;
import dev.keyward.core.directory.ObjectCheck;
import dev.keyward.core.directory.ObjectReading;
import dev.keyward.core.directory.ObjectVerifier;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The administrator's side of directory-based activation (SPEC §12): {@code keyward directory
 * publish} activates a volume host key for a new object and writes it under {@code CN=Activation
 * Objects,CN=Keyward,CN=Services,BASE}; {@code list} reads them back with what each is worth to
 * this machine's trusted keys; {@code remove} deletes one.
 */
public final class DirectoryPublisher {
  private final ClientContext client;

  public DirectoryPublisher(KeywardClient client) {
    this.client = client.context();
  }

  /** A published object and where it is. */
  public record Published(String dn, ActivationObject object) {}

  /**
   * One entry of the directory as {@code list} shows it: the object when it is well formed, and the
   * problem when it is malformed or does not verify with this machine's trusted keys.
   */
  public record Listed(String dn, Optional<ActivationObject> object, Optional<Failure> problem) {}

  /**
   * Publishes: binds and creates the containers first (a refused bind spends nothing), then
   * activates the host key (one activation) and writes the signed object.
   */
  public Published publish(DirectoryAccess access, String hostKey, Optional<String> name) {
    new HostKeyActivation(client).group(hostKey);
    try (LdapDirectory directory = access.open()) {
      directory.ensureContainers(access.base());
      HostKeyActivation.Activated a = new HostKeyActivation(client).activate(hostKey);
      ActivationObject object =
          ActivationObject.sign(
              name.filter(n -> !n.isBlank())
                  .orElse(a.product().name() + " " + a.group().version() + " activation object"),
              a.product().id(),
              a.group().version(),
              a.product().family().yamlName(),
              a.group().number(),
              a.certificate(),
              client.clock().instant(),
              a.keys().getPrivate());
      String dn = DirectorySchema.objectDn(object.id().orElseThrow(), access.base());
      directory.add(dn, ActivationObjectEntry.attributes(object));
      return new Published(dn, object);
    }
  }

  /** Every entry under the objects' container, checked against this machine's trusted keys. */
  public List<Listed> list(DirectoryAccess access) {
    try (LdapDirectory directory = access.open()) {
      ObjectVerifier verifier =
          new ObjectVerifier(client.trust().keys(), client.catalog(), client.clock());
      List<Listed> listed = new ArrayList<>();
      for (LdapDirectory.Found f : directory.objects(access.base())) {
        switch (ActivationObjectEntry.read(f.dn(), f.attributes())) {
          case ObjectReading.Malformed m ->
              listed.add(new Listed(f.dn(), Optional.empty(), Optional.of(m.failure())));
          case ObjectReading.Read r -> {
            ObjectCheck check =
                verifier.verify(r.object(), r.object().product(), r.object().version());
            Optional<Failure> problem =
                check instanceof ObjectCheck.Invalid invalid
                    ? Optional.of(invalid.failure())
                    : Optional.empty();
            listed.add(new Listed(f.dn(), Optional.of(r.object()), problem));
          }
        }
      }
      return listed;
    }
  }

  /**
   * Removes the object named {@code which}: its DN, its id (cn) or its display name when exactly
   * one object has it. Returns the DN removed.
   */
  public String remove(DirectoryAccess access, String which) {
    List<Listed> all = list(access);
    List<Listed> matching =
        all.stream()
            .filter(
                l ->
                    l.dn().equalsIgnoreCase(which)
                        || l.object()
                            .flatMap(ActivationObject::id)
                            .map(which::equalsIgnoreCase)
                            .orElse(false)
                        || l.object().map(o -> o.name().equals(which)).orElse(false))
            .toList();
    if (matching.isEmpty()) {
      throw KeywardException.of(
          ErrorCode.NO_ACTIVATION_OBJECT,
          "No activation object under "
              + DirectorySchema.containerDn(access.base())
              + " has the DN, id or name '"
              + which
              + "' ("
              + all.size()
              + " objects; keyward directory list shows them).");
    }
    if (matching.size() > 1) {
      throw KeywardException.of(
          ErrorCode.BAD_REQUEST,
          matching.size()
              + " objects are named '"
              + which
              + "': remove one by its DN ("
              + String.join("; ", matching.stream().map(Listed::dn).toList())
              + ").");
    }
    try (LdapDirectory directory = access.open()) {
      directory.delete(matching.get(0).dn());
    }
    return matching.get(0).dn();
  }
}
