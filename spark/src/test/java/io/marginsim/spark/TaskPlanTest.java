package io.marginsim.spark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which cells are split into path ranges, how small cells are batched, and in what order tasks come. */
class TaskPlanTest {

    private static List<TaskPlan.Cell> cells(long... paths) {
        return java.util.stream.IntStream.range(0, paths.length).mapToObj(i -> new TaskPlan.Cell(i, paths[i])).toList();
    }

    @Test
    void bigCellsBecomeContiguousRangesThatCoverEveryPathOnceAheadOfTheBatches() {
        List<List<TaskPlan.Piece>> tasks = TaskPlan.tasks(cells(100, 2500, 50, 1000), new TaskPlan.Sizes(0, 1000), 1);
        // cell 1 in three ranges of one task each, then the three whole cells in three batches of one
        assertThat(tasks).hasSize(6);
        assertThat(tasks.subList(0, 3)).allSatisfy(task -> assertThat(task).hasSize(1));
        assertThat(tasks.subList(0, 3).stream().map(List::getFirst).toList()).containsExactly(
                new TaskPlan.Piece(1, 0, 833, 3), new TaskPlan.Piece(1, 833, 833, 3),
                new TaskPlan.Piece(1, 1666, 834, 3));
        assertThat(tasks.subList(3, 6).stream().flatMap(List::stream).toList()).containsExactlyInAnyOrder(
                new TaskPlan.Piece(0, 0, 100, 1), new TaskPlan.Piece(2, 0, 50, 1), new TaskPlan.Piece(3, 0, 1000, 1));
    }

    @Test
    void rangesNeverExceedTheSplitSize() {
        List<List<TaskPlan.Piece>> tasks = TaskPlan.tasks(cells(10_000_001), new TaskPlan.Sizes(0, 1_000_000), 4);
        assertThat(tasks).hasSize(11).allSatisfy(task -> assertThat(task.getFirst().count()).isBetween(909_090L, 1_000_000L));
        assertThat(tasks.stream().mapToLong(task -> task.getFirst().count()).sum()).isEqualTo(10_000_001);
    }

    @Test
    void smallCellsAreBatchedFourTasksPerCoreOrByTheGivenCount() {
        List<TaskPlan.Cell> many = cells(new long[10_000]);
        assertThat(TaskPlan.tasks(many, TaskPlan.Sizes.DEFAULT, 2)).hasSize(8)
                .allSatisfy(task -> assertThat(task).hasSize(1250));
        assertThat(TaskPlan.tasks(many, new TaskPlan.Sizes(3000, 10), 2)).hasSize(4);
        assertThat(TaskPlan.tasks(cells(1, 1, 1), TaskPlan.Sizes.DEFAULT, 2)).hasSize(3);
        assertThat(TaskPlan.batches(12, 5, 2)).isEqualTo(3);
    }

    @Test
    void batchesInterleaveCellsSoCostlyAxisValuesSpreadOverTasks() {
        assertThat(TaskPlan.interleave(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), 3))
                .containsExactly(0L, 3L, 6L, 1L, 4L, 2L, 5L);
    }

    @Test
    void sizesBelowOneAreRefused() {
        assertThatThrownBy(() -> new TaskPlan.Sizes(0, 0)).hasMessage("--split-paths must be >= 1 but was 0");
        assertThatThrownBy(() -> new TaskPlan.Sizes(-1, 5))
                .hasMessage("--cells-per-task must be >= 0 (0: 4 tasks per core) but was -1");
    }
}
