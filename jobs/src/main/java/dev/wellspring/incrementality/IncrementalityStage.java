package dev.wellspring.incrementality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.io.CsvExports;
import dev.wellspring.io.Warehouse;
import dev.wellspring.schema.Tables;
import dev.wellspring.stage.RunContext;
import dev.wellspring.stage.SparkStage;
import dev.wellspring.stage.StageResult;
import dev.wellspring.vocabulary.TouchClass;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The incrementality step (after aggregate): builds the (owner, month) panel from effectiveness and
 * outcomes, fits the mix model on the driver ({@link MixModel}), and writes the incrementality and
 * whatif tables, the {@code incremental} row of lift, their CSV exports and the fit's diagnostics
 * in the manifest under {@code incrementality}.
 */
public final class IncrementalityStage implements SparkStage {
  /** The lift row of the estimate. */
  public static final String MODEL = "incremental";

  @Override
  public String name() {
    return "incrementality";
  }

  @Override
  public StageResult run(SparkSession spark, RunContext ctx) {
    WellspringConfig config = ctx.config();
    Warehouse warehouse = ctx.warehouse();
    LocalDate date = config.runDate();
    Dataset<Row> effectiveness =
        warehouse.read(spark, Tables.EFFECTIVENESS, Tables.EFFECTIVENESS_SCHEMA, date);
    Dataset<Row> outcomes = warehouse.read(spark, Tables.OUTCOMES, Tables.OUTCOMES_SCHEMA, date);

    // The panel is owners x months: a few thousand rows at most, so the fit runs on the driver.
    List<MixModel.PanelRow> panel = new ArrayList<>();
    for (Row r : Panel.panel(effectiveness, outcomes).orderBy("owner", "month").collectAsList()) {
      panel.add(Panel.row(r));
    }
    Map<String, Double> attributedPerHour = new HashMap<>();
    for (Row r : Panel.attributed(effectiveness, config.reportModel()).collectAsList()) {
      double hours = r.isNullAt(1) ? 0 : r.getDouble(1);
      double value = r.isNullAt(2) ? 0 : r.getDouble(2);
      attributedPerHour.put(r.getString(0), hours > 0 ? value / hours : null);
    }
    WellspringConfig.Incrementality settings = config.incrementality();
    long fitStart = System.nanoTime();
    MixModel.Estimate estimate =
        MixModel.fit(
            panel,
            new MixModel.Settings(settings.carryover(), settings.resamples(), settings.seed()));
    double fitSeconds = (System.nanoTime() - fitStart) / 1e9;

    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(Tables.INCREMENTALITY, incrementality(spark, estimate, attributedPerHour));
    tables.put(Tables.WHATIF, whatIf(spark, estimate));
    Dataset<Row> lift = warehouse.read(spark, Tables.LIFT, Tables.LIFT_SCHEMA, date);
    tables.put(
        Tables.LIFT,
        lift.filter(col("model").notEqual(lit(MODEL))).unionByName(liftRow(spark, estimate)));
    Map<String, Dataset<Row>> exports = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> t : tables.entrySet()) {
      // Lift is read from and written to the same table: the rows are small, so materialise them
      // before the old version is moved away.
      Dataset<Row> rows = spark.createDataFrame(t.getValue().collectAsList(), schemaOf(t.getKey()));
      warehouse.write(rows.coalesce(1), t.getKey(), date);
      ctx.output(warehouse.tableDir(t.getKey(), date));
      exports.put(t.getKey(), warehouse.read(spark, t.getKey(), schemaOf(t.getKey()), date));
    }
    Map<String, Long> written =
        CsvExports.replace(warehouse, date, CsvExports.INCREMENTALITY_EXPORTS, exports, name());
    for (CsvExports.Export export : CsvExports.INCREMENTALITY_EXPORTS) {
      ctx.output(warehouse.reportsDir(date).resolve(export.fileName()));
    }
    ObjectNode d = ctx.manifest().root().putObject("incrementality");
    diagnostics(d, estimate, settings);
    // The driver-side fit alone (panel built; bootstrap and cross-validation included).
    d.put("fit_seconds", Math.round(fitSeconds * 1000) / 1000.0);
    if (estimate.reason() != null) {
      ctx.progress().info("incrementality: no estimate (" + estimate.reason() + ")");
    }
    return new StageResult(
        panel.size(), written.values().stream().mapToLong(Long::longValue).sum());
  }

  static Dataset<Row> incrementality(
      SparkSession spark, MixModel.Estimate e, Map<String, Double> attributedPerHour) {
    List<Row> rows = new ArrayList<>();
    for (int c = 0; c < MixModel.K; c++) {
      String cls = MixModel.CLASSES.get(c);
      rows.add(
          RowFactory.create(
              cls,
              e.hours()[c],
              e.incrementalValue()[c],
              e.perHour()[c],
              e.perHourLow()[c],
              e.perHourHigh()[c],
              attributedPerHour.get(cls),
              e.reason()));
    }
    return spark.createDataFrame(rows, Tables.INCREMENTALITY_SCHEMA);
  }

  static Dataset<Row> whatIf(SparkSession spark, MixModel.Estimate e) {
    List<Row> rows = new ArrayList<>();
    for (MixModel.WhatIf w : e.whatIf()) {
      rows.add(
          RowFactory.create(
              w.owner(),
              TouchClass.UNDIRECTED.wireName(),
              w.to(),
              w.share(),
              w.hoursMoved(),
              w.valueChange(),
              w.ciLow(),
              w.ciHigh(),
              w.extrapolated()));
    }
    return spark.createDataFrame(rows, Tables.WHATIF_SCHEMA);
  }

  static Dataset<Row> liftRow(SparkSession spark, MixModel.Estimate e) {
    return spark.createDataFrame(
        List.of(
            RowFactory.create(
                MODEL,
                e.lift(),
                e.liftLow(),
                e.liftHigh(),
                e.perHour()[MixModel.D],
                e.perHour()[MixModel.U])),
        Tables.LIFT_SCHEMA);
  }

  private static void diagnostics(
      ObjectNode d, MixModel.Estimate e, WellspringConfig.Incrementality settings) {
    d.put("owner_months", e.ownerMonths());
    d.put("owners", e.owners());
    if (e.reason() != null) {
      d.put("reason", e.reason());
    }
    putNumber(d, "carryover", e.carryover());
    d.put("carryover_source", e.carryoverSource());
    putNumber(d, "out_of_sample_rmse", e.cvRmse());
    putNumber(d, "out_of_sample_rmse_baseline_only", e.cvRmseBaselineOnly());
    putNumber(d, "baseline_share_of_value", e.baselineShare());
    if (e.coefficients() != null) {
      ObjectNode coefficients = d.putObject("coefficients");
      for (int c = 0; c < MixModel.K; c++) {
        coefficients.put(MixModel.CLASSES.get(c), e.coefficients()[c]);
      }
    }
    d.put("resamples", settings.resamples());
    d.put("seed", settings.seed());
  }

  private static void putNumber(ObjectNode d, String key, Double value) {
    if (value == null) {
      d.putNull(key);
    } else {
      d.put(key, value);
    }
  }

  private static org.apache.spark.sql.types.StructType schemaOf(String table) {
    return CsvExports.INCREMENTALITY_EXPORTS.stream()
        .filter(e -> e.name().equals(table))
        .findFirst()
        .orElseThrow()
        .schema();
  }
}
