package dev.keyward.client;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.keyward.core.directory.DirectoryAddress;
import dev.keyward.core.directory.DirectorySchema;
import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One connection to a directory server (UnboundID LDAP SDK), with the few operations directory
 * activation needs: read the activation objects, create the containers, add and delete an entry.
 * Every LDAP failure becomes a {@link KeywardException} with a catalogue code: the server not
 * answering is 0xC0DE0030, a refused bind or change 0xC0DE0031. Bounded: connect and every
 * operation time out, a search returns at most {@link #MAX_OBJECTS} entries.
 */
final class LdapDirectory implements AutoCloseable {
  static final int MAX_OBJECTS = 500;
  static final int TIMEOUT_MILLIS = 10_000;

  private final LDAPConnection connection;
  private final String server;

  private LdapDirectory(LDAPConnection connection, String server) {
    this.connection = connection;
    this.server = server;
  }

  /** Connects anonymously (a volume client reads the objects). */
  static LdapDirectory open(DirectoryAddress address) {
    return open(address, Optional.empty(), Optional.empty());
  }

  /** Connects and binds as {@code bindDn} with {@code password} when given. */
  static LdapDirectory open(
      DirectoryAddress address, Optional<String> bindDn, Optional<String> password) {
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis(TIMEOUT_MILLIS);
    options.setResponseTimeoutMillis(TIMEOUT_MILLIS);
    options.setAbandonOnTimeout(true);
    LDAPConnection c = new LDAPConnection(options);
    try {
      c.connect(address.host(), address.port());
    } catch (LDAPException e) {
      c.close();
      throw new KeywardException(
          Failure.of(
              ErrorCode.DIRECTORY_UNREACHABLE,
              "The directory " + address.server() + " cannot be reached: " + text(e) + "."));
    }
    if (bindDn.isPresent()) {
      try {
        c.bind(bindDn.get(), password.orElse(""));
      } catch (LDAPException e) {
        c.close();
        throw new KeywardException(
            Failure.of(
                e.getResultCode() == ResultCode.INVALID_CREDENTIALS
                        || e.getResultCode() == ResultCode.INAPPROPRIATE_AUTHENTICATION
                        || e.getResultCode() == ResultCode.INVALID_DN_SYNTAX
                    ? ErrorCode.DIRECTORY_BIND_REFUSED
                    : errorOf(e),
                "The directory "
                    + address.server()
                    + " refused the bind as '"
                    + bindDn.get()
                    + "': "
                    + text(e)
                    + "."));
      }
    }
    return new LdapDirectory(c, address.server());
  }

  /** One entry as read: its DN and its attributes by name. */
  record Found(String dn, Map<String, List<String>> attributes) {}

  /**
   * The entries directly under the objects' container of {@code base}; none when the container is
   * missing (nothing was ever published there).
   */
  List<Found> objects(String base) {
    try {
      SearchRequest request =
          new SearchRequest(
              DirectorySchema.containerDn(base),
              SearchScope.ONE,
              "(objectClass=" + DirectorySchema.OBJECT_CLASS + ")");
      request.setSizeLimit(MAX_OBJECTS);
      request.setTimeLimitSeconds(TIMEOUT_MILLIS / 1000);
      SearchResult result = connection.search(request);
      List<Found> found = new ArrayList<>();
      for (SearchResultEntry e : result.getSearchEntries()) {
        found.add(found(e));
      }
      return found;
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        return List.of();
      }
      if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
        throw failure(e, "The directory holds more than " + MAX_OBJECTS + " objects");
      }
      throw failure(e, "The activation objects under " + base + " cannot be read");
    }
  }

  /** Creates the containers of {@code base} that are missing, outermost first. */
  void ensureContainers(String base) {
    for (String dn : DirectorySchema.containerDns(base)) {
      try {
        if (connection.getEntry(dn, "1.1") != null) {
          continue;
        }
        String cn = dn.substring(3, dn.indexOf(','));
        connection.add(
            new Entry(
                dn,
                new Attribute("objectClass", "top", DirectorySchema.CONTAINER_CLASS),
                new Attribute("cn", cn)));
      } catch (LDAPException e) {
        throw failure(e, "The container " + dn + " cannot be created");
      }
    }
  }

  void add(String dn, Map<String, List<String>> attributes) {
    List<Attribute> list = new ArrayList<>();
    attributes.forEach((name, values) -> list.add(new Attribute(name, values)));
    try {
      connection.add(new Entry(dn, list));
    } catch (LDAPException e) {
      throw failure(e, "The activation object " + dn + " cannot be written");
    }
  }

  void delete(String dn) {
    try {
      connection.delete(dn);
    } catch (LDAPException e) {
      throw failure(e, "The activation object " + dn + " cannot be removed");
    }
  }

  private static Found found(SearchResultEntry e) {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    for (Attribute a : e.getAttributes()) {
      attributes.put(a.getBaseName(), Arrays.asList(a.getValues()));
    }
    return new Found(e.getDN(), attributes);
  }

  private KeywardException failure(LDAPException e, String what) {
    return new KeywardException(
        Failure.of(errorOf(e), what + " on " + server + ": " + text(e) + "."));
  }

  private static ErrorCode errorOf(LDAPException e) {
    ResultCode r = e.getResultCode();
    if (r == ResultCode.SERVER_DOWN
        || r == ResultCode.CONNECT_ERROR
        || r == ResultCode.TIMEOUT
        || r == ResultCode.UNAVAILABLE
        || r == ResultCode.BUSY) {
      return ErrorCode.DIRECTORY_UNREACHABLE;
    }
    if (r == ResultCode.OBJECT_CLASS_VIOLATION
        || r == ResultCode.UNDEFINED_ATTRIBUTE_TYPE
        || r == ResultCode.INVALID_ATTRIBUTE_SYNTAX
        || r == ResultCode.CONSTRAINT_VIOLATION) {
      return ErrorCode.DIRECTORY_SCHEMA_MISSING;
    }
    return ErrorCode.DIRECTORY_BIND_REFUSED;
  }

  /** The server's words, without Java's exception text. */
  private static String text(LDAPException e) {
    String diag = e.getDiagnosticMessage();
    String name = e.getResultCode().getName();
    return diag == null || diag.isBlank() ? name : name + " (" + diag + ")";
  }

  @Override
  public void close() {
    connection.close();
  }

  @Override
  public String toString() {
    return server;
  }
}
