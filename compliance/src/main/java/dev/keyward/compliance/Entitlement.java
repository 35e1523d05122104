package dev.keyward.compliance;

/** Something the customer holds proof of purchase for: core licenses or access licenses. */
public sealed interface Entitlement permits CoreEntitlement, CalEntitlement {}
