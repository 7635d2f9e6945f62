package dev.wellspring.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * One owner's part of the generated world.
 *
 * @param name the owner as written in the files
 * @param archetype goal-directed, networker or business-development; decides the class mix
 * @param activities how many activities this owner gets
 * @param contacts how many contacts this owner gets
 * @param classMix probability of DIRECTED, EMBEDDED, UNDIRECTED for each activity (sums to 1)
 * @param goals the owner's goals; at least one of them must span the whole period, so that a
 *     DIRECTED touch always has an active goal to name
 */
record OwnerPlan(
    String name,
    String archetype,
    long activities,
    int contacts,
    double[] classMix,
    List<Goal> goals) {

  OwnerPlan {
    classMix = classMix.clone();
    goals = List.copyOf(goals);
  }

  /**
   * A goal as written to goals.csv, plus its planted conversion factor (0 plants a drought: the
   * touches directed to it never convert).
   */
  record Goal(
      String id,
      String category,
      String title,
      Long targetValue,
      String targetChannel,
      LocalDate startsOn,
      LocalDate endsOn,
      double conversionFactor) {}
}
