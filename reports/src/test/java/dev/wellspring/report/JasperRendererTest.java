package dev.wellspring.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.report.Block.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the renderer cuts a report into parts filled concurrently. */
class JasperRendererTest {
  private static Block text(String t) {
    return Block.of(Kind.TEXT, t);
  }

  private static Block chart(String t) {
    return Block.chart(new Block.Chart(t, "hours", List.of(new Block.Point("DIRECTED", "Jan", 1))));
  }

  private static List<String> texts(List<Block> blocks) {
    return blocks.stream()
        .map(
            b ->
                b.kind() == Kind.PAGE_BREAK
                    ? "|"
                    : b.kind() == Kind.CHART ? b.charts().get(0).title() : b.text())
        .toList();
  }

  @Test
  void partsAreCutOnlyAtPageBreaksWhichTheyDropWhereAPartStarts() {
    // Weights: a block 1, a chart 1 + 8 = 9. Pieces (each from its page break): [a] 1,
    // [| b c] 11, [| d e] 11, [| f] 2; total 25, boundary 12.5. [| d e] would end at 23, its
    // middle at 17.5 is past 12.5, so the first part closes before it, holding 12.
    List<Block> blocks =
        List.of(
            text("a"),
            Block.pageBreak(),
            text("b"),
            chart("c"),
            Block.pageBreak(),
            text("d"),
            chart("e"),
            Block.pageBreak(),
            text("f"));
    List<List<Block>> parts = JasperRenderer.parts(blocks, 2);
    assertThat(parts)
        .extracting(JasperRendererTest::texts)
        .containsExactly(List.of("a", "|", "b", "c"), List.of("d", "e", "|", "f"));
  }

  @Test
  void morePartsThanPagesGivesOnePartPerPageAndOnePartWhenThereIsNoBreak() {
    List<Block> blocks = List.of(Block.pageBreak(), text("a"), Block.pageBreak(), text("b"));
    assertThat(JasperRenderer.parts(blocks, 8))
        .extracting(JasperRendererTest::texts)
        .containsExactly(List.of("a"), List.of("b"));
    assertThat(JasperRenderer.parts(List.of(text("a"), chart("b")), 4))
        .extracting(JasperRendererTest::texts)
        .containsExactly(List.of("a", "b"));
    assertThat(JasperRenderer.parts(List.of(text("a"), Block.pageBreak(), text("b")), 1))
        .extracting(JasperRendererTest::texts)
        .containsExactly(List.of("a", "|", "b"));
  }

  @Test
  void thePartsHoldEveryBlockInOrder() {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      blocks.add(Block.pageBreak());
      blocks.add(text("owner " + i));
      blocks.add(chart("chart " + i));
    }
    List<List<Block>> parts = JasperRenderer.parts(blocks, 4);
    assertThat(parts).hasSize(4);
    assertThat(parts).allSatisfy(p -> assertThat(p.get(0).kind()).isNotEqualTo(Kind.PAGE_BREAK));
    List<Block> joined = new ArrayList<>();
    for (List<Block> p : parts) {
      joined.add(Block.pageBreak());
      joined.addAll(p);
    }
    assertThat(joined).isEqualTo(blocks);
    // 50 pieces of 11 into 4 parts, boundaries at 137.5, 275, 412.5: a part closes before the
    // piece whose middle is past its boundary, so 13 (143), 12 (275), 13 (418), 12.
    assertThat(parts)
        .extracting(p -> p.stream().filter(b -> b.kind() == Kind.TEXT).count())
        .containsExactly(13L, 12L, 13L, 12L);
  }
}
