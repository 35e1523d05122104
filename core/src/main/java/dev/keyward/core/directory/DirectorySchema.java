package dev.keyward.core.directory;

import java.util.List;

/**
 * The LDAP names of directory-based activation, as pure data (docs/volume-activation.md has the
 * schema LDIF). The OIDs sit under {@link #OID_ARC}, a placeholder private-enterprise arc: a vendor
 * that ships Keyward registers its own enterprise number and replaces it.
 */
public final class DirectorySchema {
  private DirectorySchema() {}

  /** Placeholder private-enterprise arc of Keyward's attribute types and object classes. */
  public static final String OID_ARC = "1.3.6.1.4.1.99999.1207";

  public static final String OBJECT_CLASS = "keywardActivationObject";
  public static final String CONTAINER_CLASS = "keywardContainer";

  public static final String CN = "cn";
  public static final String DISPLAY_NAME = "keywardDisplayName";
  public static final String PRODUCT = "keywardProduct";
  public static final String VERSION = "keywardProductVersion";
  public static final String FAMILY = "keywardFamily";
  public static final String KEY_GROUP = "keywardHostKeyGroup";
  public static final String HOST_CERTIFICATE = "keywardHostCertificate";
  public static final String PUBLISHED_AT = "keywardPublishedAt";
  public static final String SIGNATURE = "keywardSignature";

  /** Every attribute an activation object must have, each exactly once. */
  public static final List<String> REQUIRED =
      List.of(
          CN,
          DISPLAY_NAME,
          PRODUCT,
          VERSION,
          FAMILY,
          KEY_GROUP,
          HOST_CERTIFICATE,
          PUBLISHED_AT,
          SIGNATURE);

  /** The containers under the base, outermost first: {@code CN=Services}, then the rest. */
  public static final List<String> CONTAINERS =
      List.of("CN=Services", "CN=Keyward", "CN=Activation Objects");

  /** The DN the activation objects are kept under. */
  public static String containerDn(String base) {
    return "CN=Activation Objects,CN=Keyward,CN=Services," + base;
  }

  /** The DN of each container to create under {@code base}, outermost first. */
  public static List<String> containerDns(String base) {
    return List.of("CN=Services," + base, "CN=Keyward,CN=Services," + base, containerDn(base));
  }

  /** The DN of the object with {@code id} under {@code base}. */
  public static String objectDn(String id, String base) {
    return "CN=" + id + "," + containerDn(base);
  }
}
