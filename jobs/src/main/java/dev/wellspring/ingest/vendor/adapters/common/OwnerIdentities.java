package dev.wellspring.ingest.vendor.adapters.common;

import dev.wellspring.ingest.vendor.adapters.AdapterContext;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The team's own identities, which are never contacts and never touches: every {@code owner_emails}
 * address, every {@code owner_map} key that is an e-mail address, and the names of the owners
 * (--owner and the {@code owner_map} / {@code owner_emails} owner names, folded like contact names,
 * when they are full names of at least two words). A vendor record is the owner's own when its
 * e-mail is one of those addresses, or, having no e-mail at all, when its name is an owner's name:
 * an address decides when there is one, so a namesake with another address stays a contact.
 */
public final class OwnerIdentities implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Set<String> emails = new HashSet<>();
  private final Set<String> names = new HashSet<>();

  public OwnerIdentities(AdapterContext context) {
    addName(context.owner());
    for (Map.Entry<String, String> e : context.ownerMap().entrySet()) {
      String email = Emails.normalize(e.getKey());
      if (!email.isEmpty()) {
        emails.add(email);
      }
      addName(e.getValue());
    }
    for (Map.Entry<String, String> e : context.ownerEmails().entrySet()) {
      emails.add(Emails.normalize(e.getKey()));
      addName(e.getValue());
    }
    emails.remove("");
  }

  private void addName(String name) {
    // A full name only: a lone first name ("bob" in owner_map) is too common to stand for the
    // owner in someone else's address book or invitation.
    String folded = name == null ? "" : Names.fold(name);
    if (folded.contains(" ")) {
      names.add(folded);
    }
  }

  /** Whether {@code address} (raw, {@code mailto:} allowed) is one of the team's own. */
  public boolean isOwnerEmail(String address) {
    String email = Emails.normalize(address);
    return !email.isEmpty() && emails.contains(email);
  }

  /** Whether {@code name} folds to an owner's name. */
  public boolean isOwnerName(String name) {
    String folded = name == null ? "" : Names.fold(name);
    return !folded.isEmpty() && names.contains(folded);
  }

  /** A person given by e-mail and name: the address decides when there is one, else the name. */
  public boolean isOwner(String address, String name) {
    return Emails.normalize(address).isEmpty() ? isOwnerName(name) : isOwnerEmail(address);
  }

  /** Whether there is any identity to compare with. */
  public boolean isEmpty() {
    return emails.isEmpty() && names.isEmpty();
  }
}
