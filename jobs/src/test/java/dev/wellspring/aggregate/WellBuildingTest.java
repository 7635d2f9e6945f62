package dev.wellspring.aggregate;

import static dev.wellspring.aggregate.Fixtures.tp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.schema.Tables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class WellBuildingTest {
  /**
   * ann's touches of c1: Jan 1 (first), Feb 1, Apr 1 00:00 (exactly 90 days after Jan 1:
   * strengthened), Apr 2 (would qualify again; counted once only). c2: x0 and x1 at the same
   * instant (x0 first by id), May 1 and May 2 (Jan 15 is 106 days back), May 3 (May 1 is two
   * touches back: strengthened). c3: Jan 1, Jan 2, Apr 1 00:00:01 (one second over 90 days: not
   * strengthened). i1 intro_made names no contact; i2 intro_received is a touch of c6. bob's touch
   * of c1 is bob's own new relationship.
   */
  private static Dataset<Row> touchpoints() {
    return Fixtures.touchpoints(
        tp("w1", "ann", "2026-01-01", "call", "c1", 30, 0, "UNDIRECTED", null),
        tp("w2", "ann", "2026-02-01", "call", "c1", 30, 0, "DIRECTED", "g1"),
        tp("w3", "ann", "2026-04-01", "meeting", "c1", 60, 0, "EMBEDDED", null),
        tp("w4", "ann", "2026-04-02", "call", "c1", 30, 0, "UNDIRECTED", null),
        tp("x1", "ann", "2026-01-15T10:00:00Z", "email", "c2", 5, 0, "DIRECTED", "g1"),
        tp("x0", "ann", "2026-01-15T10:00:00Z", "email", "c2", 5, 0, "EMBEDDED", null),
        tp("x2", "ann", "2026-05-01", "call", "c2", 30, 0, "UNDIRECTED", null),
        tp("x3", "ann", "2026-05-02", "call", "c2", 30, 0, "UNDIRECTED", null),
        tp("x4", "ann", "2026-05-03", "call", "c2", 30, 0, "DIRECTED", "g1"),
        tp("y1", "ann", "2026-01-01", "message", "c3", 5, 0, "UNDIRECTED", null),
        tp("y2", "ann", "2026-01-02", "message", "c3", 5, 0, "UNDIRECTED", null),
        tp("y3", "ann", "2026-04-01T00:00:01Z", "message", "c3", 5, 0, "UNDIRECTED", null),
        tp("i1", "ann", "2026-01-20", "intro_made", null, 10, 0, "UNDIRECTED", null),
        tp("i2", "ann", "2026-01-21", "intro_received", "c6", 10, 0, "UNDIRECTED", null),
        tp("b1", "bob", "2026-03-01", "meeting", "c1", 60, 0, "UNDIRECTED", null));
  }

  private static Row row(
      String owner,
      String cls,
      String month,
      long fresh,
      long strengthened,
      long made,
      long received) {
    return RowFactory.create(owner, cls, month, fresh, strengthened, made, received);
  }

  @Test
  void countsNewAndStrengthenedRelationshipsAndIntrosAsComputedByHand() {
    Dataset<Row> df = WellBuilding.wellBuilding(touchpoints());
    assertThat(df.schema().simpleString()).isEqualTo(Tables.WELL_BUILDING_SCHEMA.simpleString());
    List<Row> rows = df.orderBy("owner", "class", "month").collectAsList();
    assertThat(rows)
        .containsExactly(
            row("ann", "DIRECTED", "2026-01", 0, 0, 0, 0),
            row("ann", "DIRECTED", "2026-02", 0, 0, 0, 0),
            row("ann", "DIRECTED", "2026-05", 0, 1, 0, 0),
            row("ann", "EMBEDDED", "2026-01", 1, 0, 0, 0),
            row("ann", "EMBEDDED", "2026-04", 0, 1, 0, 0),
            row("ann", "UNDIRECTED", "2026-01", 3, 0, 1, 1),
            row("ann", "UNDIRECTED", "2026-04", 0, 0, 0, 0),
            row("ann", "UNDIRECTED", "2026-05", 0, 0, 0, 0),
            row("bob", "UNDIRECTED", "2026-03", 1, 0, 0, 0));
  }

  @Test
  void everyOwnerContactPairIsNewExactlyOnce() {
    Dataset<Row> tps = touchpoints();
    long pairs =
        tps.filter("contact_id is not null").select("owner", "contact_id").distinct().count();
    Row sums =
        WellBuilding.wellBuilding(tps)
            .selectExpr("sum(new_relationships)", "sum(intros_made) + sum(intros_received)")
            .first();
    assertThat(sums.getLong(0)).as("new relationships").isEqualTo(pairs).isEqualTo(5);
    assertThat(sums.getLong(1)).as("intros").isEqualTo(2);
  }
}
