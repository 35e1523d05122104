/**
 * Directory-based activation (SPEC §12): the signed activation object a volume host key publishes
 * in an LDAP directory, its mapping to LDAP attributes, and the rule a volume client applies before
 * it activates from one. JDK only: the LDAP client lives in the client module.
 */
package dev.keyward.core.directory;
