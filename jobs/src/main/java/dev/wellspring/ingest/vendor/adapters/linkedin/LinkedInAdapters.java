package dev.wellspring.ingest.vendor.adapters.linkedin;

import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import java.util.List;

/**
 * The adapters for a LinkedIn data archive (the unzipped "Get a copy of your data" download). Each
 * recognises its file by header; the archive's other files (dozens) are left to ingest to list as
 * unrecognised. All of them need the archive's owner ({@code --owner NAME}).
 */
public final class LinkedInAdapters {
  private LinkedInAdapters() {}

  private static final List<ExportAdapter> ALL =
      List.of(
          new ConnectionsAdapter(),
          new MessagesAdapter(),
          new InvitationsAdapter(),
          new EndorsementsAdapter(),
          new RecommendationsAdapter(),
          new EventsAdapter());

  /** Every LinkedIn adapter; at most one recognises any given file. */
  public static List<ExportAdapter> all() {
    return ALL;
  }
}
