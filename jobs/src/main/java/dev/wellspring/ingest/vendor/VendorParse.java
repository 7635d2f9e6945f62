package dev.wellspring.ingest.vendor;

import dev.wellspring.WellspringException;
import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.ingest.staging.RecordValidator;
import dev.wellspring.ingest.staging.RejectReason;
import dev.wellspring.ingest.vendor.adapters.AdapterContext;
import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.ingest.vendor.adapters.common.OwnerIdentities;
import dev.wellspring.io.input.InputFiles;
import dev.wellspring.privacy.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The Spark task body of the vendor path: one vendor file in, its {@link VendorRows} out. The
 * file's adapter reads it; every canonical record it yields passes the same {@link RecordValidator}
 * as a canonical row of its kind, so reject reasons are uniform.
 *
 * <p>Counting a source row that maps to several records: the row is {@code rejected} (for the first
 * reason by DESIGN.md precedence among its records) when any of its records fails validation, else
 * {@code mapped}; its valid records still go through. A LinkedIn message row yields the contact and
 * the message: a bad date on the message must not lose the contact, which the file emits only once.
 * So {@code rows_read = rows_mapped + rows_excluded + rows_rejected} per file, while a rejected row
 * may still have contributed records.
 *
 * <p>Before validation, a row's records lose the owner's own identities ({@link OwnerIdentities}: a
 * row left with none is excluded as {@value #OWNER_SELF}), and a row that touches several people at
 * once shares its duration among them ({@link SharedTouches}).
 *
 * <p>A typed function because the adapters are plain Java readers; the rows are collected per file
 * (adapters read their file whole anyway).
 */
final class VendorParse implements FlatMapFunction<VendorFile, Row> {
  private static final long serialVersionUID = 1L;

  /** The exclusion reason of a row whose every record is the owner's own identity. */
  static final String OWNER_SELF = "owner_self";

  private final Map<Kind, RecordValidator> validators = new EnumMap<>(Kind.class);
  private final AdapterContext context;
  private final Map<String, Double> durations;
  private final OwnerIdentities identities;

  VendorParse(Map<String, Double> durations, AdapterContext context) {
    for (Kind k : Kind.values()) {
      validators.put(k, new RecordValidator(k, durations, context.ownerMap()));
    }
    this.context = context;
    this.durations = Map.copyOf(durations);
    this.identities = new OwnerIdentities(context);
  }

  @Override
  public Iterator<Row> call(VendorFile file) {
    Sink sink = new Sink(file);
    Path path = Path.of(file.path());
    try {
      file.adapter().read(path, context, sink);
      byte[] bytes = InputFiles.readAllBytes(path);
      sink.out.add(
          sink.event(VendorRows.SUMMARY, 0L, null, null, null, null)
              .sha(sha256(bytes), bytes.length)
              .row());
    } catch (WellspringException | IOException | UncheckedIOException e) {
      // Reported to the driver as data, so the run stops with exit 2 and the message, not a
      // Spark task failure.
      List<Row> fatal = new ArrayList<>();
      fatal.add(sink.event(VendorRows.FATAL, 0L, null, null, message(file, e), null).row());
      return fatal.iterator();
    }
    return sink.out.iterator();
  }

  private static String message(VendorFile file, Exception e) {
    String m = String.valueOf(e.getMessage());
    return m.contains(path(file)) ? m : file.name() + ": " + m;
  }

  private static String path(VendorFile file) {
    return Path.of(file.path()).getFileName().toString();
  }

  private static String sha256(byte[] bytes) {
    return Sha256.hex(bytes);
  }

  private static Kind kindOf(String table) {
    for (Kind k : Kind.values()) {
      if (k.table().equals(table)) {
        return k;
      }
    }
    throw new IllegalArgumentException("adapter produced a record of unknown kind '" + table + "'");
  }

  /** Collects one file's rows. */
  private final class Sink implements RecordSink {
    final VendorFile file;
    final List<Row> out = new ArrayList<>();
    final java.util.Set<String> ownerKeys = new java.util.HashSet<>();

    Sink(VendorFile file) {
      this.file = file;
    }

    @Override
    public void mapped(long line, String raw, List<CanonicalRecord> given) {
      if (given.isEmpty()) {
        excluded(line, raw, "no_records");
        return;
      }
      List<CanonicalRecord> records = SharedTouches.split(withoutOwner(given), durations);
      if (records.isEmpty()) {
        excluded(line, raw, OWNER_SELF);
        return;
      }
      RejectReason worst = null;
      for (CanonicalRecord r : records) {
        Kind kind = kindOf(r.kind());
        List<String> text = new ArrayList<>();
        for (Kind.Field f : kind.fields()) {
          text.add(r.fields().getOrDefault(f.name(), "").strip());
        }
        RecordValidator.Result result = validators.get(kind).validate(text);
        if (result.reason() != null) {
          worst = RejectReason.first(worst, result.reason());
          continue;
        }
        List<Object> values = new ArrayList<>(java.util.Arrays.asList(result.values()));
        if (kind == Kind.CONTACTS) {
          for (String extra : VendorRows.CONTACT_EXTRAS) {
            String v = r.fields().getOrDefault(extra, "").strip();
            values.add(v.isEmpty() ? null : v);
          }
        }
        out.add(
            event(VendorRows.RECORD, r.line(), null, null, null, null)
                .record(kind, RowFactory.create(values.toArray()))
                .row());
      }
      if (worst == null) {
        out.add(event(VendorRows.ROW, line, VendorRows.MAPPED, null, null, null).row());
      } else {
        out.add(event(VendorRows.ROW, line, VendorRows.REJECTED, worst.code(), null, raw).row());
      }
    }

    /**
     * The records that are not the owner's own: a contact whose e-mail is an owner address (or,
     * without an e-mail, whose name is an owner's name), and any activity touching such a contact
     * or an owner address. A contact key dropped once stays dropped for the rest of the file.
     */
    private List<CanonicalRecord> withoutOwner(List<CanonicalRecord> records) {
      if (identities.isEmpty()) {
        return records;
      }
      List<CanonicalRecord> kept = new ArrayList<>(records.size());
      for (CanonicalRecord r : records) {
        Map<String, String> f = r.fields();
        if (r.kind().equals(Kind.CONTACTS.table())) {
          if (identities.isOwner(f.getOrDefault("email", ""), f.getOrDefault("full_name", ""))) {
            ownerKeys.add(f.getOrDefault("contact_id", ""));
            continue;
          }
        } else if (r.kind().equals(Kind.ACTIVITIES.table())) {
          String contact = f.getOrDefault("contact_id", "");
          if (ownerKeys.contains(contact)
              || (contact.startsWith("email:") && identities.isOwnerEmail(contact.substring(6)))) {
            continue;
          }
        }
        kept.add(r);
      }
      return kept;
    }

    @Override
    public void excluded(long line, String raw, String reason) {
      out.add(event(VendorRows.ROW, line, VendorRows.EXCLUDED, reason, null, null).row());
    }

    @Override
    public void rejected(long line, String raw, String reason) {
      out.add(event(VendorRows.ROW, line, VendorRows.REJECTED, reason, null, raw).row());
    }

    @Override
    public void warning(long line, String reason, String detail) {
      out.add(event(VendorRows.WARNING, line, null, reason, detail, null).row());
    }

    Cells event(String event, long line, String status, String reason, String detail, String raw) {
      Cells c = new Cells();
      c.v[0] = event;
      c.v[1] = file.name();
      c.v[2] = line;
      c.v[3] = file.order();
      c.v[4] = file.adapter().name();
      c.v[5] = status;
      c.v[6] = reason;
      c.v[7] = detail;
      c.v[8] = raw;
      return c;
    }
  }

  /** One {@link VendorRows#SCHEMA} row being built. */
  private static final class Cells {
    final Object[] v = new Object[VendorRows.SCHEMA.size()];

    Cells sha(String sha, long bytes) {
      v[9] = sha;
      v[10] = bytes;
      return this;
    }

    Cells record(Kind kind, Row struct) {
      v[11] = kind.table();
      v[VendorRows.index(kind)] = struct;
      return this;
    }

    Row row() {
      return RowFactory.create(v);
    }
  }
}
