package dev.keyward.core.error;

import java.util.List;

/**
 * The error catalogue: the single source of every code Keyward reports, with its symbolic name,
 * meaning, likely causes and remedies. Servers and the CLI never write their own remedy text; they
 * name a constant here and add an instance-specific detail (see {@link Failure}). Look codes up and
 * render them with {@link ErrorCatalogue}.
 *
 * <p>Codes that come from the activation system Keyward models keep their numbers so that the
 * seeds' decision trees apply as written. Codes in {@code 0xC0DE00xx} are Keyward's own.
 *
 * <p>Text conventions: the meaning is one sentence; causes and remedies are full sentences, most
 * likely cause and first step first; commands are quoted in backticks exactly as typed. Examples
 * name the built-in {@code winserver} catalog's editions and numbers; placeholders are in capitals
 * ({@code KEY}, {@code EDITION}, {@code HOST:PORT}).
 */
public enum ErrorCode {
  INVALID_PRODUCT_KEY(
      0xC004F050,
      "SL_E_INVALID_PRODUCT_KEY",
      "The product key was rejected: it is mistyped, unknown to the catalog, or made for another"
          + " edition or channel than the installed one.",
      List.of(
          "The key was mistyped: look-alike characters (O/0, I/1, S/5, B/8) or a symbol outside"
              + " the key alphabet make the checksum fail before anything is sent.",
          "The key is for another edition than the installed one, for example a Datacenter key on"
              + " a Standard installation or the reverse.",
          "The key is of another channel than intended, for example a volume client key where a"
              + " multiple activation key (MAK) or retail key was meant, or the reverse.",
          "The key's group is not in the loaded catalog: a key of another product, or an outdated"
              + " catalog."),
      List.of(
          "Retype the key from its delivery record and apply the corrections the message"
              + " suggests; case, spaces and hyphens do not matter.",
          "Compare the key's edition and channel with the installation: `keyward slmgr /dli` and"
              + " `keyward dism /online /Get-CurrentEdition`.",
          "If the key is for an edition the installation may be converted to (see `keyward dism"
              + " /online /Get-TargetEditions`), run `keyward dism /online /Set-Edition:EDITION"
              + " /ProductKey:KEY /AcceptEula`, `keyward restart`, then `keyward slmgr /ato`.",
          "Otherwise install a key for the installed edition: `keyward slmgr /upk`, `keyward"
              + " slmgr /ipk KEY`, `keyward slmgr /ato`.",
          "If a key taken from the delivery record is still rejected, ask support or your"
              + " reseller for a replacement.")),

  PKEY_INVALID_CONFIG(
      0xC004E016,
      "SL_E_PKEY_INVALID_CONFIG",
      "The product key is for another version of the product than the installed one.",
      List.of(
          "A key of a newer version was entered on an older installation, for example a 2022 key"
              + " on a 2019 installation run under downgrade rights.",
          "A key of an older version was entered on a newer installation.",
          "The installation media are of another version than the one the key was bought for."),
      List.of(
          "Check the installed version and edition with `keyward slmgr /dlv` and the key's"
              + " version in its delivery record.",
          "Under downgrade rights, ask support or your reseller for a key of the installed version"
              + " and edition (a downgrade key); the newer key never activates the older version.",
          "Install and activate that key: `keyward slmgr /ipk KEY`, then `keyward slmgr /ato`.",
          "Or reinstall from media of the key's version, record it with `keyward init --product P"
              + " --version V --edition E`, then install the key.")),

  NOT_SUPPORTED(
      0x80070032,
      "ERROR_NOT_SUPPORTED",
      "The request is not supported in the installation's current state, typically an evaluation"
          + " edition refusing a product key of another channel.",
      List.of(
          "The installed edition is an evaluation edition: it runs on its timer and refuses every"
              + " retail, OEM, multiple activation key (MAK) or volume client key until it is"
              + " converted.",
          "The key was installed with `keyward slmgr /ipk` or activated with `keyward slmgr /ato`"
              + " instead of converting the edition.",
          "The installation media were an evaluation image although a full edition was meant."),
      List.of(
          "Confirm with `keyward slmgr /dlv`: the channel is TIMEBASED_EVAL and an Evaluation End"
              + " Date is shown.",
          "List the editions it may become with `keyward dism /online /Get-TargetEditions`.",
          "Convert and install the key in one step: `keyward dism /online"
              + " /Set-Edition:ServerStandard /ProductKey:KEY /AcceptEula` (ServerDatacenter for a"
              + " Datacenter key; core editions convert to core editions).",
          "Run `keyward restart`, then `keyward slmgr /ato`, or `keyward slui 4` without network;"
              + " the converted installation has an initial grace period (10 days in winserver).",
          "If a wrong key was already installed, remove it first with `keyward slmgr /upk`.")),

  VALIDITY_PERIOD_EXPIRED(
      0xC004FC07,
      "SL_E_VALIDITY_PERIOD_EXPIRED",
      "The evaluation period has ended, so the installation is in Notification and no product key"
          + " can activate it until it is converted to a full edition.",
      List.of(
          "An evaluation edition ran past its evaluation period (180 days in winserver) without"
              + " being converted.",
          "A valid key was installed on the expired evaluation with `keyward slmgr /ipk`: a key"
              + " does not revive an evaluation, only a conversion does.",
          "The rearm limit was used up, so the evaluation period could not be restarted again."),
      List.of(
          "Run `keyward slmgr /dlv` and check that the edition is an evaluation edition and that"
              + " its Evaluation End Date has passed.",
          "Convert with a key of the installed version: `keyward dism /online"
              + " /Set-Edition:ServerStandard /ProductKey:KEY /AcceptEula` (ServerDatacenter for"
              + " a Datacenter key).",
          "Run `keyward restart`, then `keyward slmgr /ato`, or `keyward slui 4` without network.",
          "Confirm with `keyward slmgr /xpr` that the activation is permanent and keep the output"
              + " as audit evidence.",
          "If the conversion is refused, reinstall the full edition, record it with `keyward init"
              + " --product P --version V --edition E`, then `keyward slmgr /ipk KEY` and"
              + " `keyward slmgr /ato`.")),

  MAXIMUM_UNLOCK_EXCEEDED(
      0xC004C008,
      "SL_E_CHPA_MAXIMUM_UNLOCK_EXCEEDED",
      "The activation authority refused the key because it is already activated on as many"
          + " machines as its channel allows.",
      List.of(
          "A retail key is still active on the old machine: a retail key runs on one machine at a"
              + " time.",
          "An OEM key was moved to another machine than the first one it activated; OEM keys are"
              + " never transferable.",
          "A machine image with an activated retail key was cloned.",
          "A volume host key has been used on all the hosts and reactivations it allows (6 hosts,"
              + " 10 activations each, in winserver)."),
      List.of(
          "Find the channel with `keyward slmgr /dli` on the new machine.",
          "Retail, old machine still running: on it run `keyward slmgr /upk` while online (this"
              + " releases the key) and `keyward slmgr /cpky`; then on the new machine `keyward"
              + " slmgr /ipk KEY` and `keyward slmgr /ato`.",
          "Retail, old machine dead or unreachable: run `keyward slui 4` on the new machine and"
              + " ask support to release the key, giving the installation ID and the reason; enter"
              + " the confirmation ID you receive.",
          "OEM: buy a license for the new machine, or use a multiple activation key (MAK) or"
              + " volume activation; support cannot transfer an OEM key.",
          "Volume host key: ask support to reset its activations, giving the partial product key"
              + " and the hosts that were retired.")),

  PRODUCT_KEY_BLOCKED(
      0xC004C003,
      "SL_E_CHPA_PRODUCT_KEY_BLOCKED",
      "The activation authority refused the key because the vendor has blocked it.",
      List.of(
          "The key was reported leaked, stolen or resold, and blocked.",
          "The key was replaced, for example by a new multiple activation key (MAK), and the old"
              + " one was blocked.",
          "The purchase behind the key was cancelled or refunded."),
      List.of(
          "Check which key is installed with `keyward slmgr /dli` (partial product key) against"
              + " your delivery records.",
          "Ask support or your reseller, with the proof of purchase, for a replacement key or for"
              + " the key to be unblocked.",
          "Install the replacement: `keyward slmgr /upk`, `keyward slmgr /ipk KEY`, then"
              + " `keyward slmgr /ato`.")),

  MAK_LIMIT_EXCEEDED(
      0xC004C020,
      "SL_E_CHPA_DMAK_LIMIT_EXCEEDED",
      "The multiple activation key (MAK) has no activations left in its pool.",
      List.of(
          "Every activation of the pool has been spent: each new machine takes one.",
          "Machines were reactivated after hardware changes or VM migrations out of tolerance,"
              + " each taking one more activation.",
          "Retired or rebuilt machines still hold activations."),
      List.of(
          "List the machines holding activations (operators: `keyward admin activations list"
              + " --key KEY`) and have stale ones released with a reason (`keyward admin"
              + " activations release KEY --reason TEXT`).",
          "Ask support to extend the pool, explaining the reactivations (operators: `keyward"
              + " admin mak extend KEY --by N`).",
          "Retry with `keyward slmgr /ato`, or `keyward slui 4` without network.",
          "For fleets that are rebuilt or moved often, prefer volume activation with volume"
              + " client keys.")),

  MAK_EXTENSION_LIMIT_EXCEEDED(
      0xC004C021,
      "SL_E_CHPA_DMAK_EXTENSION_LIMIT_EXCEEDED",
      "The multiple activation key (MAK) pool is empty and has already been extended as far as"
          + " the vendor allows.",
      List.of(
          "The pool was extended repeatedly and the key's extension limit is reached.",
          "More machines use the key than the license bought covers."),
      List.of(
          "Have activations of retired machines released (operators: `keyward admin activations"
              + " list --key KEY`, then `keyward admin activations release KEY --reason TEXT`).",
          "Ask support or your reseller for a new multiple activation key (MAK), then on the"
              + " remaining machines `keyward slmgr /ipk KEY` and `keyward slmgr /ato`.",
          "For large or frequently rebuilt fleets, move to volume activation.")),

  OUT_OF_TOLERANCE(
      0xC004F00F,
      "SL_E_OUT_OF_TOLERANCE",
      "The machine's hardware differs from the activated snapshot in more components than the"
          + " tolerance allows, so the activation no longer applies.",
      List.of(
          "A VM was migrated between hypervisors (for example VMware to Proxmox), which"
              + " regenerates the SMBIOS UUID, system serial, storage controller, NIC and display"
              + " adapter.",
          "The motherboard or several components were replaced at once.",
          "A restored or cloned image was started on different hardware."),
      List.of(
          "Run `keyward slmgr /dlv` to see the channel and the additional grace time left.",
          "For a VM, give it back its old uuid and serial on the new hypervisor and restart: the"
              + " same move then changes only 3 components and stays within tolerance.",
          "Multiple activation key (MAK) or retail: reactivate with `keyward slmgr /ato`, or"
              + " `keyward slui 4` without network; a MAK reactivation takes one activation, so"
              + " ask support to extend an empty pool.",
          "Volume client: check that the volume activation host is reachable, then re-run"
              + " `keyward slmgr /ato` against it.",
          "OEM: the key stays bound to the original machine; a new license or another channel is"
              + " needed.")),

  PKEY_NOT_INSTALLED(
      0xC004F014,
      "SL_E_PKEY_NOT_INSTALLED",
      "No product key is installed for this product, so there is nothing to activate.",
      List.of(
          "`keyward slmgr /ato` was run before a key was installed with `keyward slmgr /ipk`.",
          "The key was removed with `keyward slmgr /upk`, for example before a transfer.",
          "An edition conversion was started but the machine was not restarted to complete it."),
      List.of(
          "Install the key, then activate: `keyward slmgr /ipk KEY`, `keyward slmgr /ato`.",
          "Volume client: install the edition's public volume client key from the catalog with"
              + " `keyward slmgr /ipk KEY`, then `keyward slmgr /ato`.",
          "If a conversion is pending, run `keyward restart` first.",
          "Check with `keyward slmgr /dli` that a partial product key is shown.")),

  NOT_OEM_MARKED(
      0xC004F035,
      "SL_E_VL_NOT_WINDOWS_SLP",
      "The OEM key was refused because this machine's firmware does not carry the matching OEM"
          + " marker.",
      List.of(
          "The OEM key was installed on a machine of another vendor, or one built from parts.",
          "The VM was moved to a hypervisor that does not present the original virtual firmware"
              + " and its marker, for example from VMware to Proxmox.",
          "The firmware was replaced or reset and lost the marker."),
      List.of(
          "Check the channel with `keyward slmgr /dli`: it shows OEM.",
          "Use the OEM key only on the machine it shipped with; if the firmware was replaced,"
              + " have the vendor restore the marker.",
          "Otherwise license the machine through another channel (retail, multiple activation key"
              + " (MAK) or volume activation): `keyward slmgr /upk`, `keyward slmgr /ipk KEY`,"
              + " `keyward slmgr /ato`.",
          "Do not ask support to transfer or convert the OEM key: OEM keys are never transferable"
              + " and cannot become a MAK.")),

  MISMATCHED_PRODUCT_SKU(
      0xC004F069,
      "SL_E_MISMATCHED_PRODUCT_SKU",
      "The key or activation certificate names another product or edition than the one installed"
          + " on this machine.",
      List.of(
          "The edition was converted but the machine was not restarted, so the old edition is"
              + " still the installed one.",
          "A volume client key of another edition was installed (there is one per version and"
              + " edition).",
          "A certificate or store was copied from another installation."),
      List.of(
          "Compare `keyward dism /online /Get-CurrentEdition` with the edition shown by `keyward"
              + " slmgr /dlv`.",
          "If a conversion is pending, run `keyward restart`, then `keyward slmgr /ato`.",
          "Volume client: install the catalog's volume client key for the installed edition with"
              + " `keyward slmgr /ipk KEY`, then `keyward slmgr /ato`.",
          "Otherwise replace the key: `keyward slmgr /upk`, `keyward slmgr /ipk KEY`, `keyward"
              + " slmgr /ato`.")),

  VOLUME_HOST_UNAVAILABLE(
      0xC004F074,
      "SL_E_VL_BINDING_SERVICE_UNAVAILABLE",
      "No volume activation host could be reached, or none of those reached could activate this"
          + " client.",
      List.of(
          "The volume activation host is down, or its port (1688 by default) is blocked between"
              + " client and host.",
          "The client points at a wrong fixed host (`keyward slmgr /skms`) or at a stale SRV"
              + " record.",
          "Client and host clocks are more than 4 hours apart, so the host refuses (0xC004F06C).",
          "The host's volume host key is of an older version than the client (0xC004F042)."),
      List.of(
          "Run `keyward slmgr /dlv` to see the registered host and the host found in DNS.",
          "Check that the host runs and that its port is reachable from the client; client event"
              + " 12288 without a following 12289 means the request got no answer.",
          "Point the client at a working host with `keyward slmgr /skms HOST:PORT`, or clear a"
              + " stale setting with `keyward slmgr /ckms` to return to DNS discovery.",
          "Synchronise the clocks of client and host (NTP), then run `keyward slmgr /ato`.",
          "If no host will be available, activate with a multiple activation key (MAK): `keyward"
              + " slmgr /ipk KEY`, `keyward slmgr /ato`.")),

  DNS_NAME_DOES_NOT_EXIST(
      0x8007232B,
      "DNS_ERROR_RCODE_NAME_ERROR",
      "Volume host discovery found no DNS SRV record for a volume activation host in the client's"
          + " domain.",
      List.of(
          "No volume activation host has published `_keyward._tcp.DOMAIN`, or its publishing"
              + " failed (host event 12293).",
          "The client searches another domain than the one holding the record.",
          "A volume client key is installed in a site that has no volume activation host."),
      List.of(
          "Query the SRV record `_keyward._tcp.DOMAIN` with your DNS tools.",
          "Name the host directly with `keyward slmgr /skms HOST:PORT`, or the domain to search"
              + " with `keyward slmgr /skms-domain FQDN`, then run `keyward slmgr /ato`.",
          "Let the host publish its record (event 12294 confirms it) or create the record by"
              + " hand.",
          "In a site without a host, install a multiple activation key (MAK) instead: `keyward"
              + " slmgr /ipk KEY`, `keyward slmgr /ato`.")),

  VOLUME_NOT_ENOUGH_COUNT(
      0xC004F038,
      "SL_E_VL_NOT_ENOUGH_COUNT",
      "The volume activation host answered, but its count of distinct clients is below the"
          + " product's activation threshold.",
      List.of(
          "Fewer distinct machines than the threshold (5 for server products in winserver) have"
              + " contacted the host in the last 30 days.",
          "Cloned machines share one client machine ID (CMID) and are counted once.",
          "The host is new and its count is still building up."),
      List.of(
          "Read the current count in `keyward slmgr /dlv` or in client event 12289.",
          "Bring more volume clients online against the host; clients retry every 2 hours by"
              + " themselves, or run `keyward slmgr /ato`.",
          "Generalise cloned images before deploying them, so that each machine gets its own"
              + " CMID.",
          "If the site will never reach the threshold, use a multiple activation key (MAK)"
              + " instead.")),

  VOLUME_HOST_NOT_ENABLED(
      0xC004F039,
      "SL_E_VL_BINDING_SERVICE_NOT_ENABLED",
      "The machine contacted does not serve volume activation, so it cannot activate this"
          + " client.",
      List.of(
          "The volume activation host has no volume host key installed, or its service is"
              + " disabled.",
          "A fixed host setting or a stale SRV record points at a machine that is not a volume"
              + " activation host."),
      List.of(
          "On the host, check with `keyward slmgr /dlv` that a volume host key is installed and"
              + " activated, and that the volume host service runs.",
          "On the client, check the host it uses with `keyward slmgr /dlv`; point it at an enabled"
              + " host with `keyward slmgr /skms HOST:PORT`, or `keyward slmgr /ckms` for DNS"
              + " discovery.",
          "Run `keyward slmgr /ato` on the client.")),

  VOLUME_HOST_NOT_ACTIVATED(
      0xC004F041,
      "SL_E_VL_KEY_MANAGEMENT_SERVICE_NOT_ACTIVATED",
      "The volume activation host is not activated itself, so it refuses to activate clients.",
      List.of(
          "The volume host key was installed but not yet activated against the activation"
              + " authority.",
          "The host lost its activation, for example after a hardware change out of tolerance.",
          "The host has no route to the activation authority."),
      List.of(
          "On the host, run `keyward slmgr /dlv` to see its license status.",
          "Activate the host with `keyward slmgr /ato`, or `keyward slui 4` if it cannot reach the"
              + " activation authority.",
          "If the host key's activations are used up (0xC004C008), ask support to reset them.",
          "Then run `keyward slmgr /ato` on the clients, or let them retry (every 2 hours).")),

  VOLUME_HOST_ID_MISMATCH(
      0xC004F042,
      "SL_E_VL_KEY_MANAGEMENT_SERVICE_ID_MISMATCH",
      "The volume activation host's key does not cover this client's product version or family.",
      List.of(
          "The client is of a newer version than the host's volume host key, for example 2025"
              + " clients against a host holding a 2019 key.",
          "The client belongs to another product family than the host key.",
          "The client has a volume client key of another product."),
      List.of(
          "Compare the client's version (`keyward slmgr /dlv` on the client) with the host key's"
              + " version (`keyward slmgr /dlv` on the host).",
          "Install on the host a volume host key of the newest version among its clients:"
              + " `keyward slmgr /ipk KEY`, then `keyward slmgr /ato` on the host.",
          "Or point these clients at a host whose key covers them: `keyward slmgr /skms"
              + " HOST:PORT`, then `keyward slmgr /ato`.")),

  INVALID_TIMESTAMP(
      0xC004F06C,
      "SL_E_VL_INVALID_TIMESTAMP",
      "The request was refused because the machine's clock differs from the activation"
          + " authority's or the volume activation host's by more than the allowed skew.",
      List.of(
          "The machine's clock is wrong: no time synchronisation, a drifting hardware clock, or a"
              + " VM guest with a wrong host time.",
          "A volume client and its host are more than 4 hours apart.",
          "The clock was set back, which the trusted-time anchor detects."),
      List.of(
          "Compare the trusted time shown by `keyward slmgr /dlv` with the real time.",
          "Synchronise the machine, and for volume activation the host too, with NTP.",
          "Run `keyward slmgr /ato` again.")),

  REARM_LIMIT_EXCEEDED(
      0xC004D307,
      "SL_E_REARM_LIMIT_EXCEEDED",
      "The grace or evaluation period cannot be restarted again because the rearm limit is used"
          + " up.",
      List.of(
          "`keyward slmgr /rearm` was run as many times as the limit allows (5 in winserver).",
          "The machine comes from an image that was rearmed at every deployment."),
      List.of(
          "Check the remaining rearm count with `keyward slmgr /dlv`.",
          "Activate instead of rearming: `keyward slmgr /ipk KEY`, then `keyward slmgr /ato`.",
          "On an evaluation edition, convert: `keyward dism /online /Set-Edition:EDITION"
              + " /ProductKey:KEY /AcceptEula`, `keyward restart`, then `keyward slmgr /ato`.",
          "Do not use rearm to postpone activation: it only moves the deadline.")),

  CID_INVALID_CHECK_DIGITS(
      0xC004F04D,
      "SL_E_CIDIID_INVALID_CHECK_DIGITS",
      "A group of the confirmation ID was mistyped: its check digit does not match.",
      List.of(
          "A digit was mistyped or two digits were swapped in the group the message names.",
          "A digit was misheard when the confirmation ID was read out.",
          "Groups were entered in the wrong order, or one was skipped."),
      List.of(
          "Re-enter the named group in `keyward slui 4`, which checks each group as it is typed.",
          "When entering the ID with `keyward slmgr /atp CID`, give every group, in order.",
          "If the group still fails, ask support to read the confirmation ID again.")),

  CID_INVALID_DATA(
      0xC004F02C,
      "SL_E_CIDIID_INVALID_DATA",
      "The confirmation ID is well formed but was issued for another installation ID than this"
          + " machine's.",
      List.of(
          "The confirmation ID was obtained for another machine, or from another entry of a proxy"
              + " activation response file.",
          "The installation ID changed after it was given out: the key was reinstalled, the"
              + " edition converted, or the hardware changed.",
          "An old confirmation ID from an earlier activation was reused."),
      List.of(
          "Show this machine's current installation ID with `keyward slmgr /dti` and compare it"
              + " with the one given to support.",
          "Request a new confirmation ID for the current installation ID through `keyward slui 4`"
              + " and enter it, changing neither key nor hardware in between.",
          "For proxy activation, apply each response entry on the machine whose installation ID"
              + " it answers.")),

  GRACE_TIME_EXPIRED(
      0xC004F009,
      "SL_E_GRACE_TIME_EXPIRED",
      "The grace period ended without activation, so the installation is in Notification.",
      List.of(
          "The initial grace period after installation or edition conversion (10 days in"
              + " winserver) passed without activation.",
          "The additional grace period after a hardware change out of tolerance or a volume"
              + " expiry (30 days volume, 3 days retail or OEM) ended.",
          "A volume client could not reach a volume activation host for longer than its"
              + " activation validity (180 days)."),
      List.of(
          "Run `keyward slmgr /dli` to see the state and the reason.",
          "Activate with `keyward slmgr /ato`, or `keyward slui 4` without network.",
          "Volume client: restore contact with a volume activation host, then run `keyward slmgr"
              + " /ato`.",
          "Evaluation edition: convert with `keyward dism /online /Set-Edition:EDITION"
              + " /ProductKey:KEY /AcceptEula`, `keyward restart`, then `keyward slmgr /ato`.")),

  GRACE_PERIOD_RUNNING(
      0x4004F00C,
      "SL_I_OOB_GRACE_PERIOD",
      "The product is not activated yet and runs fully in a grace period until it ends.",
      List.of(
          "The product was freshly installed or its edition converted, and is not activated yet"
              + " (initial grace).",
          "The activation was lost through a hardware change out of tolerance or a volume expiry"
              + " (additional grace)."),
      List.of(
          "See the time left with `keyward slmgr /xpr` or `keyward slmgr /dli`.",
          "Activate before it ends: `keyward slmgr /ato`, or `keyward slui 4` without network.")),

  EVALUATION_RUNNING(
      0x4004FC04,
      "SL_I_TIMEBASED_VALIDITY_PERIOD",
      "An evaluation edition is running within its evaluation period and needs no activation"
          + " until the period ends.",
      List.of(
          "The product was installed from evaluation media (180 days in winserver).",
          "A rearm restarted the evaluation period."),
      List.of(
          "See the Evaluation End Date with `keyward slmgr /dlv`.",
          "Before it ends, convert to a full edition: `keyward dism /online /Get-TargetEditions`,"
              + " `keyward dism /online /Set-Edition:EDITION /ProductKey:KEY /AcceptEula`,"
              + " `keyward restart`, then `keyward slmgr /ato`.",
          "Do not install a key with `keyward slmgr /ipk` on the evaluation: it is refused with"
              + " 0x80070032.")),

  AUTHORITY_UNREACHABLE(
      0x80072EFD,
      "ERROR_INTERNET_CANNOT_CONNECT",
      "The licensing client could not connect to the activation authority.",
      List.of(
          "There is no outbound route, or a firewall or proxy blocks HTTPS to the activation"
              + " authority.",
          "The authority address is wrong (`--authority URL` or `KEYWARD_AUTHORITY`) or its name"
              + " does not resolve.",
          "A proxy inspecting TLS breaks the connection.",
          "The machine's clock is so far off that the authority's certificate does not validate."),
      List.of(
          "Check the authority address and that its `/healthz` answers from this machine.",
          "Open outbound HTTPS to the authority, or configure the proxy and exempt the authority"
              + " from TLS inspection.",
          "Synchronise the clock (NTP).",
          "Retry with `keyward slmgr /ato`; without network, activate by phone with `keyward slui"
              + " 4` or by a proxy activation request file.")),

  RESTART_PENDING(
      0x800F082F,
      "CBS_E_PENDING",
      "The operation was refused because an edition conversion is waiting for a restart.",
      List.of(
          "An edition conversion was requested (dism /Set-Edition), and the restart that applies"
              + " it has not happened yet.",
          "A second conversion was requested before the first one took effect."),
      List.of(
          "See the pending conversion with `keyward dism /online /Get-CurrentEdition`.",
          "Run `keyward restart` to apply it, then run the refused command again.",
          "To convert further (for example Standard, then Datacenter), restart between the two"
              + " conversions.")),

  // Keyward's own codes: situations the modelled system has no number for.
  CATALOG_INVALID(
      0xC0DE0001,
      "KW_E_CATALOG_INVALID",
      "The catalog could not be loaded because it is malformed or breaks a catalog rule.",
      List.of(
          "The YAML is malformed (indentation, quoting, tabs).",
          "A field is missing, unknown or of the wrong type.",
          "A reference points nowhere (a conversion target, key group or channel naming an"
              + " undefined version or edition), or a rule is broken, such as a duplicate key"
              + " group."),
      List.of(
          "Open the file at the line the message names and fix what it says there.",
          "Compare with the built-in catalog (`builtin:winserver`) for a working example.",
          "Load it again, for example `keyward authority serve --catalog FILE`.")),

  SIMULATED_MACHINE_REFUSED(
      0xC0DE0002,
      "KW_E_SIMULATED_MACHINE_REFUSED",
      "The activation authority refused a simulated (lab) machine because it was not started to"
          + " accept them.",
      List.of(
          "A machine file marked `simulated: true` was given with `--machine FILE` against a"
              + " production authority.",
          "A lab authority was started without `--allow-simulated-machines`."),
      List.of(
          "Against a production authority, run without `--machine` so that this machine's real"
              + " hardware is read.",
          "In a lab only, start the authority with `keyward authority serve"
              + " --allow-simulated-machines`; never on a production authority, since anyone could"
              + " then invent hardware.",
          "Or run the scenario with `keyward lab run FILE.yaml`, which starts its own authority.")),

  STORE_TAMPERED(
      0xC0DE0003,
      "KW_E_STORE_TAMPERED",
      "The local license store failed its integrity check, so the product is in NonGenuineGrace.",
      List.of(
          "Store files were edited by hand or copied from another machine.",
          "A write was interrupted by something other than Keyward, or a partial backup was"
              + " restored.",
          "A certificate's signature does not verify against the authority keys the catalog"
              + " trusts."),
      List.of(
          "Run `keyward slmgr /dli` to see the state and the time left.",
          "Reinstall the key and reactivate: `keyward slmgr /ipk KEY`, `keyward slmgr /ato`; a"
              + " reactivation within tolerance spends no count.",
          "Without network, reactivate by phone with `keyward slui 4`.",
          "If the store is unusable, move it aside, run `keyward init --product P --version V"
              + " --edition E`, then reinstall the key and reactivate.")),

  AUTHORITY_NOT_TRUSTED(
      0xC0DE0020,
      "KW_E_AUTHORITY_NOT_TRUSTED",
      "An activation certificate or confirmation was signed by a key this machine does not"
          + " trust, so it proves nothing here and the product is not licensed by it.",
      List.of(
          "No vendor trust was recorded when the product was installed (init without a trust"
              + " file), and the catalog names no trusted keys.",
          "The address given to the client is not the vendor's activation authority.",
          "The vendor rotated its keys and this machine's trust file predates the new key.",
          "The trust file recorded in the store was removed or edited."),
      List.of(
          "Record the trust file the vendor ships (an authority publishes its own as trust.json"
              + " in its data directory): `keyward init --product P --version V --edition E"
              + " --trust FILE`.",
          "On the machine that runs the authority, run the command from the directory holding"
              + " its keyward-data directory, whose trust.json is trusted.",
          "Check the authority address given with --authority or KEYWARD_AUTHORITY.",
          "Then activate again with `keyward slmgr /ato`.")),

  CONVERSION_NOT_ALLOWED(
      0xC0DE0004,
      "KW_E_CONVERSION_NOT_ALLOWED",
      "The requested edition conversion is not allowed from the installed edition.",
      List.of(
          "The conversion goes down a tier, for example Datacenter to Standard.",
          "The conversion crosses installation types, desktop to core or core to desktop.",
          "The target is not among the installed edition's targets in the catalog, for example"
              + " a Datacenter evaluation to Standard."),
      List.of(
          "List the allowed targets with `keyward dism /online /Get-TargetEditions`.",
          "Convert to one of them: `keyward dism /online /Set-Edition:EDITION /ProductKey:KEY"
              + " /AcceptEula`, `keyward restart`, then `keyward slmgr /ato`.",
          "For an edition that cannot be reached, reinstall with it, record it with `keyward init"
              + " --product P --version V --edition E`, then install a key of that edition.")),

  NOT_INSTALLED(
      0xC0DE0005,
      "KW_E_PRODUCT_NOT_INSTALLED",
      "No product is recorded in the license store, so there is nothing to license.",
      List.of(
          "`keyward init` was never run for this product on this machine.",
          "`--store DIR` or `KEYWARD_STORE` points at another store than the one initialised.",
          "The product id is misspelt."),
      List.of(
          "Record what is installed: `keyward init --product P --version V --edition E`.",
          "Check that `--store DIR` or `KEYWARD_STORE` names the store used at initialisation.",
          "Then install and activate the key: `keyward slmgr /ipk KEY`, `keyward slmgr /ato`.")),

  RATE_LIMITED(
      0xC0DE0006,
      "KW_E_RATE_LIMITED",
      "The activation authority refused the request because too many came from this address or"
          + " for this key in a short time.",
      List.of(
          "A script retries in a tight loop.",
          "Many machines behind one address activate at the same time.",
          "Repeated attempts with wrong or guessed keys."),
      List.of(
          "Wait for the time given in Retry-After (shown in the message), then retry once.",
          "Spread mass activations over time, or use proxy activation with one request file.",
          "For a large planned deployment, ask support to raise the limits.")),

  BAD_REQUEST(
      0xC0DE0007,
      "KW_E_BAD_REQUEST",
      "The request was malformed or incomplete, so it was not processed.",
      List.of(
          "A field or argument is missing, misspelt or of the wrong type.",
          "The client or script is of another API version than the activation authority.",
          "A request was written by hand."),
      List.of(
          "Read the message: it names the field or argument at fault.",
          "Check the form against `keyward slmgr /?` or the authority's `/openapi.json`.",
          "Update the client or CLI to a version matching the activation authority.")),

  UNAUTHORIZED(
      0xC0DE0008,
      "KW_E_UNAUTHORIZED",
      "The admin request was refused because it carried no valid admin token.",
      List.of(
          "No token was given.",
          "The token belongs to another authority, or to an earlier data directory.",
          "The token file could not be read by the user running the command."),
      List.of(
          "Read the admin token from the token file the authority wrote to its data directory on"
              + " first start (owner-only permissions), or pass `--data DIR` on that machine.",
          "Pass it with `keyward admin --token T`, or set `KEYWARD_TOKEN`.",
          "Check that `--authority URL` names the authority whose data directory holds the"
              + " token.")),

  INPUT_FILE_INVALID(
      0xC0DE0009,
      "KW_E_INPUT_FILE_INVALID",
      "A file written for Keyward to read, such as a compliance inventory, has mistakes, so none"
          + " of it was used.",
      List.of(
          "A field is missing, misspelt or of the wrong type, for example a count written as a"
              + " word or a list where one value is expected.",
          "A value names something unknown, such as an edition, version or CAL type outside the"
              + " list the message gives.",
          "The YAML is malformed (indentation, quoting, tabs) or a key is given twice in the same"
              + " mapping."),
      List.of(
          "Open the file at the line the message names and fix what it says there; every mistake"
              + " of the file is listed at once, so fix them all before reading it again.",
          "Compare with a working file, such as the inputs in the repository's"
              + " `examples/compliance` folder.",
          "Run the same command again to check the corrected file.")),
  EVIDENCE_TAMPERED(
      0xC0DE000A,
      "KW_E_EVIDENCE_TAMPERED",
      "An evidence pack or the evidence kept in the store no longer matches the SHA-256 recorded"
          + " for it.",
      List.of(
          "A file of the pack was edited, replaced or truncated after the pack was exported.",
          "A file was removed from the pack, or one was added that its manifest does not list.",
          "The manifest itself was edited, or the archive is not a Keyward evidence pack."),
      List.of(
          "Take the files the message names as changed, missing or added: those are the ones that"
              + " cannot be relied on.",
          "Export the pack again from the machine's store with `keyward evidence export -o"
              + " pack.zip` and check it with `keyward evidence verify pack.zip`.",
          "Keep exported packs read-only, with a copy of their SHA-256, where the audit will read"
              + " them.")),

  USAGE(
      0xC0DE000B,
      "KW_E_USAGE",
      "The command line is not one keyward understands, so nothing was done.",
      List.of(
          "A verb or option is misspelt or unknown, for example `slmgr /dl` for `slmgr /dli`.",
          "An argument is missing, such as the key after `slmgr /ipk`, or one was given to a"
              + " verb that takes none.",
          "A global option was put after the verb where the verb does not accept it."),
      List.of(
          "Read the message: it names the word at fault.",
          "See the forms with `keyward --help`, and with `--help` after any command (slmgr and"
              + " dism also take `/?`).",
          "Put global options (`--store`, `--machine`, `--authority`, `--json`) before the"
              + " verb.")),

  FILE_NOT_USABLE(
      0xC0DE000C,
      "KW_E_FILE_NOT_USABLE",
      "A file or directory that the command reads or writes cannot be used, so nothing was"
          + " changed.",
      List.of(
          "The path is misspelt or relative to another directory than the one the command runs"
              + " in.",
          "The user running keyward may not read or write it (permissions, a read-only disk).",
          "A file to read is not UTF-8 text, for example saved in another encoding or a binary"
              + " file given by mistake.",
          "Something already exists where a file or directory must be created, for example a"
              + " file where the store expects a directory.",
          "The disk is full."),
      List.of(
          "Check the path the message names: `ls -l PATH`.",
          "Run keyward as a user who may read or write it, or choose another path (`--store"
              + " DIR`, `-o FILE`).",
          "Save a text file as UTF-8 and give it again.",
          "Move away what is in the way, or choose another path; keyward never overwrites it.")),

  AUTHORITY_NOT_STARTED(
      0xC0DE000D,
      "KW_E_AUTHORITY_NOT_STARTED",
      "The activation authority did not start, so nothing listens for activations.",
      List.of(
          "Another program, or another authority, already listens on the port.",
          "The bind address is not one of this machine's addresses.",
          "The data directory cannot be written, the catalog file has mistakes, or the database"
              + " does not answer."),
      List.of(
          "Read the message: it names what stopped the start.",
          "For a port in use, stop what listens there (`ss -ltnp`) or choose another port:"
              + " `keyward authority serve --port N` (0 picks a free one).",
          "Check `--bind ADDR`, `--data DIR`, `--catalog FILE` and `--db JDBC_URL`, then start"
              + " it again.")),

  UNKNOWN_CODE(
      0xC0DE000E,
      "KW_E_UNKNOWN_CODE",
      "The text given to the explain command is not a code of the error catalogue.",
      List.of(
          "The code was mistyped or cut short when copied.",
          "The code comes from another program than Keyward or the system it models."),
      List.of(
          "Copy the code exactly as it was printed, for example `keyward explain 0xC004F050`; the"
              + " forms C004F050, -1073418160, 3221549136 and SL_E_INVALID_PRODUCT_KEY work too.",
          "The explain command knows every code Keyward prints; a code it does not know came"
              + " from elsewhere.")),

  INTERNAL(
      0xC0DE000F,
      "KW_E_INTERNAL",
      "Keyward stopped on something it did not expect, so the command was not completed.",
      List.of(
          "A case the program does not handle yet: a bug in Keyward.",
          "A damaged or mixed installation, such as a jar built from other sources."),
      List.of(
          "Run the same command again with `KEYWARD_DEBUG=1` to see the details, and report"
              + " them with the command line.",
          "Check the store and the files the command names with `keyward slmgr /dlv`; a"
              + " store is only ever replaced whole, so it was not left half-written.")),

  EULA_NOT_ACCEPTED(
      0xC0DE0010,
      "KW_E_EULA_NOT_ACCEPTED",
      "The edition conversion was refused because the licence terms of the target edition were"
          + " not accepted.",
      List.of(
          "`/AcceptEula` was left out of the conversion's command line.",
          "A script built the command line without the acceptance flag, or misspelt it."),
      List.of(
          "Read the licence terms of the target edition.",
          "Run the conversion again with the flag: `keyward dism /online"
              + " /Set-Edition:ServerStandard /ProductKey:KEY /AcceptEula` (your edition and key).",
          "Then `keyward restart` and `keyward slmgr /ato`.")),

  DOWNGRADE_NOT_ALLOWED(
      0xC0DE0011,
      "KW_E_DOWNGRADE_NOT_ALLOWED",
      "No downgrade key was issued because the key's licence gives no downgrade right to the"
          + " requested version.",
      List.of(
          "The requested version is not earlier than the key's version: downgrade rights go to"
              + " earlier versions only.",
          "The key is an evaluation key or a public volume client key, which carry no downgrade"
              + " right (each version has its own public volume client key).",
          "The catalog has no key group of the same edition and channel for the requested"
              + " version.",
          "The key is blocked."),
      List.of(
          "Check the key's product, version, edition and channel with `keyward admin keys show"
              + " KEY`.",
          "Ask for an earlier version of the same product: `keyward admin keys downgrade KEY"
              + " --version V`.",
          "For a volume client, install the public volume client key of the installed version"
              + " instead; for an evaluation, convert it with `keyward dism /online"
              + " /Set-Edition:ServerStandard /ProductKey:KEY /AcceptEula`.",
          "If the key is blocked, ask support why before anything else.")),

  AUDIT_LOG_TAMPERED(
      0xC0DE0021,
      "KW_E_AUDIT_LOG_TAMPERED",
      "The authority's audit log does not agree with itself or with a signed checkpoint: entries"
          + " were removed, altered or rewritten.",
      List.of(
          "Someone with write access to the database removed the last entries and moved the head"
              + " (truncation), or rewrote an entry and recomputed the chain after it.",
          "A database backup older than the checkpoints was restored: the entries after it are"
              + " gone.",
          "A checkpoint in the file was edited or made by someone else: its signature does not"
              + " verify."),
      List.of(
          "Run `keyward admin audit verify --checkpoints FILE --trust trust.json` with the"
              + " checkpoints and the public keys you keep off the authority's machine; it names"
              + " the first entry concerned.",
          "Compare the database with a backup taken before that entry, and find who had write"
              + " access to the database since.",
          "After a deliberate restore, keep the old checkpoint file apart with a note and start a"
              + " new one, so that later checks are against the restored chain.")),

  CONSOLE_SIGN_IN_REFUSED(
      0xC0DE0048,
      "KW_E_CONSOLE_SIGN_IN_REFUSED",
      "The console token entered is not this volume host's console token, so no session was"
          + " opened.",
      List.of(
          "The token was mistyped or copied only in part.",
          "It is the token of another volume host, or of the authority's console.",
          "The token file was deleted and the host made a new token at its last start."),
      List.of(
          "Copy the token from the file the host printed when it started"
              + " (`<store>/volume-host/console-token`, readable by the host's user only).",
          "Sign in to the console of the host whose store holds that token.")),

  CONSOLE_SESSION_REQUIRED(
      0xC0DE0049,
      "KW_E_CONSOLE_SESSION_REQUIRED",
      "This console page needs a signed-in session, and the request had none (or its session"
          + " ended).",
      List.of(
          "Nobody signed in from this browser, or the browser does not send cookies to the host.",
          "The session expired after 30 minutes without a request, or someone signed out.",
          "The host restarted: sessions live in its memory only."),
      List.of(
          "Sign in again with the console token at `/console/sign-in`.",
          "Allow cookies for the host's address in the browser.")),

  CONSOLE_CSRF_REFUSED(
      0xC0DE004A,
      "KW_E_CONSOLE_CSRF_REFUSED",
      "A change was sent to the console without the form token of the signed-in session, so"
          + " nothing was changed.",
      List.of(
          "Another web page tried to make the browser send the change (cross-site request"
              + " forgery).",
          "The form was opened before signing in again, so it carries the old session's token.",
          "A script posted to the console without reading the form token from a page first."),
      List.of(
          "Reload the page and send the form again from the console itself.",
          "Scripts should use the CLI (`keyward slmgr /dlv`, `keyward evidence export -o PACK.zip`)"
              + " rather than post to the console."));

  private final int code;
  private final String symbolicName;
  private final String meaning;
  private final List<String> causes;
  private final List<String> remedies;

  ErrorCode(
      int code, String symbolicName, String meaning, List<String> causes, List<String> remedies) {
    this.code = code;
    this.symbolicName = symbolicName;
    this.meaning = meaning;
    this.causes = List.copyOf(causes);
    this.remedies = List.copyOf(remedies);
  }

  /** The 32-bit code as an int (negative for codes with the high bit set). */
  public int code() {
    return code;
  }

  /** The code as users type it: {@code 0xC004F050}. */
  public String hex() {
    return String.format("0x%08X", code);
  }

  /** The symbolic name, e.g. {@code SL_E_INVALID_PRODUCT_KEY}. */
  public String symbolicName() {
    return symbolicName;
  }

  /** What happened, in one sentence. */
  public String meaning() {
    return meaning;
  }

  /** The likely causes, most likely first. */
  public List<String> causes() {
    return causes;
  }

  /** The remedies, in the order to try them. */
  public List<String> remedies() {
    return remedies;
  }

  /** The remedies as one paragraph, for the {@code remedy} field of API and CLI errors. */
  public String remedy() {
    return String.join(" ", remedies);
  }

  /**
   * Whether this code reports a state rather than a failure (severity bit clear, e.g. {@code
   * 0x4004F00C} while a grace period runs).
   */
  public boolean informational() {
    return code >= 0;
  }
}
