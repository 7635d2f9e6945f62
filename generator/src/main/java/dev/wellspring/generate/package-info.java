/**
 * {@code generate}: synthetic canonical exports (contacts, activities, goals, outcomes) of any
 * size, deterministic for a seed, with a planted effect the pipeline should find again.
 *
 * <p>The model, in short (docs/generator.md has the rates and the reasoning):
 *
 * <ul>
 *   <li>Each owner follows an archetype that fixes the class mix of their activities:
 *       goal-directed, networker, or business-development.
 *   <li>Every activity's class (DIRECTED, EMBEDDED, UNDIRECTED) is decided first and the row is
 *       written so that DESIGN.md's classification rules give exactly that class; each contact
 *       keeps one class for all its touches, so attribution cannot move value between classes.
 *   <li>Each touch converts into one outcome with probability {@code rate[class] * hours} ({@link
 *       dev.wellspring.generate.PlantedRates}); the outcome falls 1 hour to 150 days after the
 *       touch, never after the period, and names the contact, the goal only, or neither
 *       (one-to-many touches outside any goal).
 *   <li>{@code generator-truth.json} records the planted rates, the expected lift, and what was
 *       actually drawn; {@code attributable_lift} is the lift every attribution model should report
 *       on these files.
 * </ul>
 *
 * <p>This package writes files itself (the {@code io} package is for the Spark stages' warehouse):
 * it is a stand-alone producer of input files, streaming rows through {@link
 * dev.wellspring.generate.CsvSink} without Spark.
 */
package dev.wellspring.generate;
