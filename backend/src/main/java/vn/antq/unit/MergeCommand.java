package vn.antq.unit;

import java.time.LocalDate;
import java.util.List;

/** Retire {@code predecessorIds} into {@code successorId} on {@code date}. */
public record MergeCommand(
    List<Long> predecessorIds,
    long successorId,
    LocalDate date,
    boolean transferChildren,
    String note) {}
