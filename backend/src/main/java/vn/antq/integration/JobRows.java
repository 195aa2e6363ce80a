package vn.antq.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.antq.api.model.Violation;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;

/**
 * A job's rows as kept in {@code import_job_row} (JSON arrays of up to {@value #STORED_CHUNK}
 * records) and its reported rows as kept in {@code import_job.errors}.
 */
@ApplicationScoped
class JobRows {
  /** records per stored row of a job (a JSON array): the set-based chunk of the worker */
  static final int STORED_CHUNK = ImportEngine.BULK_CHUNK;

  @Inject EntityManager em;
  @Inject ObjectMapper json;

  /** The stored rows of job {@code id}, read as the engine needs them. */
  ImportEngine.Source source(long id) {
    return new StoredRows(id);
  }

  /**
   * A job's stored rows as the engine reads them: the text of every stored row is read once (a
   * chunk of records, or one record for jobs stored before chunks), their indexes and external ids
   * are picked out without building the records, and a block's records are built when it is
   * applied.
   */
  private final class StoredRows implements ImportEngine.Source {
    private final List<String> stored;

    /** position of the first record of each stored row, and the count after the last */
    private final int[] starts;

    private final List<ImportEngine.Row> heads;

    StoredRows(long id) {
      stored =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      Rows.strings(
                          em.createNativeQuery(
                                  "SELECT record FROM import_job_row WHERE job_id = ?1 ORDER BY idx")
                              .setParameter(1, id)));
      List<List<ImportEngine.Row>> parts =
          java.util.stream.IntStream.range(0, stored.size())
              .parallel()
              .mapToObj(i -> headsOf(stored.get(i)))
              .toList();
      starts = new int[stored.size() + 1];
      List<ImportEngine.Row> all = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        starts[i] = all.size();
        all.addAll(parts.get(i));
      }
      starts[parts.size()] = all.size();
      heads = all;
    }

    @Override
    public List<ImportEngine.Row> heads() {
      return heads;
    }

    @Override
    public List<ImportEngine.Row> load(int from, int to) {
      if (to <= from) {
        return List.of();
      }
      // the stored rows holding positions [from, to), parsed on all cores
      int first = storedRowOf(from);
      int last = storedRowOf(to - 1);
      int base = starts[first];
      List<List<ImportEngine.Row>> parsed =
          java.util.stream.IntStream.rangeClosed(first, last)
              .parallel()
              .mapToObj(i -> parse(stored.get(i)))
              .toList();
      List<ImportEngine.Row> rows = new ArrayList<>(starts[last + 1] - base);
      parsed.forEach(rows::addAll);
      return rows.subList(from - base, to - base);
    }

    /** The stored row holding the record at this position. */
    private int storedRowOf(int position) {
      int i = java.util.Arrays.binarySearch(starts, 0, stored.size(), position);
      return i >= 0 ? i : -i - 2;
    }
  }

  /** The index and external id of each record of a stored row, its data skipped. */
  private List<ImportEngine.Row> headsOf(String text) {
    try (com.fasterxml.jackson.core.JsonParser p = json.getFactory().createParser(text)) {
      List<ImportEngine.Row> out = new ArrayList<>();
      com.fasterxml.jackson.core.JsonToken top = p.nextToken();
      if (top == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
          out.add(head(p));
        }
      } else {
        out.add(head(p));
      }
      return out;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One record's index and external id; the parser is on its START_OBJECT. */
  private static ImportEngine.Row head(com.fasterxml.jackson.core.JsonParser p)
      throws java.io.IOException {
    int index = 0;
    String externalId = null;
    while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
      String field = p.currentName();
      com.fasterxml.jackson.core.JsonToken value = p.nextToken();
      if ("index".equals(field)) {
        index = p.getIntValue();
      } else if ("externalId".equals(field)) {
        externalId = value == com.fasterxml.jackson.core.JsonToken.VALUE_NULL ? null : p.getText();
      } else {
        p.skipChildren();
      }
    }
    return new ImportEngine.Row(index, externalId, null, false, null);
  }

  /** A stored row: a chunk of records (an array), or one record (jobs stored before chunks). */
  private List<ImportEngine.Row> parse(String text) {
    try {
      List<StoredRecord> records =
          text.startsWith("[")
              ? json.readValue(text, new TypeReference<List<StoredRecord>>() {})
              : List.of(json.readValue(text, StoredRecord.class));
      List<ImportEngine.Row> rows = new ArrayList<>(records.size());
      for (StoredRecord r : records) {
        rows.add(
            new ImportEngine.Row(r.index(), r.externalId(), r.version(), r.deleted(), r.data()));
      }
      return rows;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The rows as the JSON kept in {@code import_job_row.record}: arrays of up to {@value
   * #STORED_CHUNK} records, each record with its index.
   */
  List<String> write(List<ImportEngine.Row> rows) {
    // chunk by chunk on all cores (accepting a job is the client's wait)
    return java.util.stream.IntStream.range(0, (rows.size() + STORED_CHUNK - 1) / STORED_CHUNK)
        .parallel()
        .mapToObj(
            c -> {
              List<Map<String, Object>> chunk = new ArrayList<>(STORED_CHUNK);
              int from = c * STORED_CHUNK;
              for (ImportEngine.Row r :
                  rows.subList(from, Math.min(rows.size(), from + STORED_CHUNK))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", r.index());
                m.put("externalId", r.externalId());
                m.put("version", r.version());
                m.put("deleted", r.deleted());
                m.put("data", r.data());
                chunk.add(m);
              }
              try {
                return json.writeValueAsString(chunk);
              } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  String writeResults(List<ImportEngine.RowResult> rows) {
    try {
      return json.writeValueAsString(
          rows.size() > ImportEngine.MAX_REPORTED
              ? rows.subList(0, ImportEngine.MAX_REPORTED)
              : rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  List<ImportEngine.RowResult> readErrors(String text) {
    try {
      List<StoredResult> raw = json.readValue(text, new TypeReference<List<StoredResult>>() {});
      List<ImportEngine.RowResult> out = new ArrayList<>(raw.size());
      for (StoredResult r : raw) {
        List<Violation> violations =
            r.violations() == null
                ? List.of()
                : r.violations().stream()
                    .map(v -> ProblemException.violation(v.field(), v.message()))
                    .toList();
        out.add(
            new ImportEngine.RowResult(
                r.index(), r.externalId(), r.outcome(), null, null, violations));
      }
      // lanes commit their chunks in any order
      out.sort(java.util.Comparator.comparingInt(ImportEngine.RowResult::index));
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One record as kept in {@code import_job_row.record}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record StoredRecord(
      int index, String externalId, Long version, boolean deleted, Map<String, Object> data) {}

  /** One row's outcome as kept in {@code import_job.errors}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record StoredResult(
      int index,
      String externalId,
      ImportEngine.Outcome outcome,
      List<StoredViolation> violations) {}

  /** A violation as kept with a row's outcome. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record StoredViolation(String field, String message) {}
}
