package vn.antq.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import vn.antq.api.model.Violation;
import vn.antq.common.problem.RefusedValue;
import vn.antq.integration.ImportEngine.Row;

/**
 * Checks pushed rows before anything is written: the external id (present, short, not sent twice in
 * the batch), the data converted to the target's input and validated, and the hash of the data as
 * sent (to leave a row sent again unchanged alone).
 */
@ApplicationScoped
class RowPreparer {
  private static final Pattern MISSING =
      Pattern.compile("Missing required (?:creator )?property '([^']+)'");

  @Inject ObjectMapper json;
  @Inject Validator validator;

  private ObjectMapper canonical;

  /** A row checked and converted, ready to apply. */
  record Prepared(Row row, Object input, String hash, List<Violation> problems) {
    String externalId() {
      return row.externalId().trim();
    }
  }

  @PostConstruct
  void init() {
    canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  /**
   * Every row checked on its own: external ids in order (the first of two equal ids wins), then the
   * data converted, validated and hashed on all cores (pure computation, row by row).
   */
  List<Prepared> prepareAll(ImportTarget t, List<Row> rows) {
    List<List<Violation>> idProblems = idProblems(rows);
    List<List<Violation>> batchProblems = t.batchProblems(rows);
    return IntStream.range(0, rows.size())
        .parallel()
        .mapToObj(
            i -> {
              List<Violation> problems = new ArrayList<>(idProblems.get(i));
              problems.addAll(batchProblems.get(i));
              return prepare(t, rows.get(i), problems);
            })
        .toList();
  }

  /** Each row's problems with its external id: missing, too long, or sent earlier in the batch. */
  static List<List<Violation>> idProblems(List<Row> rows) {
    List<List<Violation>> idProblems = new ArrayList<>(rows.size());
    Map<String, Integer> seen = new HashMap<>();
    for (Row r : rows) {
      List<Violation> problems = new ArrayList<>(0);
      String ext = r.externalId() == null ? "" : r.externalId().trim();
      if (ext.isEmpty() || ext.length() > 100) {
        problems.add(RowProblems.violation("externalId", "Mã bản ghi bắt buộc, tối đa 100 ký tự"));
      } else {
        Integer first = seen.putIfAbsent(ext, r.index());
        if (first != null) {
          problems.add(
              RowProblems.violation(
                  "externalId", "Mã \"" + ext + "\" đã có ở bản ghi " + first + " trong cùng lô"));
        }
      }
      idProblems.add(problems);
    }
    return idProblems;
  }

  Prepared prepare(ImportTarget t, Row r, List<Violation> idProblems) {
    List<Violation> problems = new ArrayList<>(idProblems);
    if (r.deleted()) {
      String why = t.notDeletable();
      if (why != null) {
        problems.add(RowProblems.violation("deleted", why));
      }
      return new Prepared(r, null, "", problems);
    }
    if (r.data() == null) {
      problems.add(RowProblems.violation("data", "Thiếu nội dung bản ghi"));
      return new Prepared(r, null, "", problems);
    }
    Object input = null;
    try {
      input = json.convertValue(r.data(), t.inputType());
    } catch (IllegalArgumentException e) {
      problems.add(conversionProblem(e));
    }
    if (input != null) {
      for (ConstraintViolation<Object> v : validator.validate(input)) {
        problems.add(RowProblems.violation("data." + v.getPropertyPath(), v.getMessage()));
      }
    }
    problems.sort(Comparator.comparing(Violation::getField));
    return new Prepared(r, input, hash(r.data()), problems);
  }

  private static Violation conversionProblem(IllegalArgumentException e) {
    if (e.getCause() instanceof JsonMappingException m) {
      String field =
          m.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      String missing = missingProperty(m);
      if (missing != null) {
        return RowProblems.violation(
            "data." + (field.isEmpty() || field.equals(missing) ? missing : field + "." + missing),
            "Không được để trống");
      }
      return RowProblems.violation(
          field.isEmpty() ? "data" : "data." + field,
          m instanceof RefusedValue
              ? m.getOriginalMessage()
              : "Giá trị không đúng kiểu hoặc định dạng");
    }
    return RowProblems.violation("data", "Nội dung bản ghi không đúng định dạng");
  }

  private static String missingProperty(JsonMappingException m) {
    String text = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
    var match = MISSING.matcher(text);
    return match.find() ? match.group(1) : null;
  }

  private String hash(Map<String, Object> data) {
    try {
      byte[] bytes = canonical.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
