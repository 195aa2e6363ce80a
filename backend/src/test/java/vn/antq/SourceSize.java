package vn.antq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sizes a reader meets in a Java source file: its lines, and each method's body from its
 * opening to its closing brace (constructors and methods of nested and anonymous classes included;
 * a lambda counts with the method it is written in). Comments, strings, text blocks and character
 * literals are blanked first, so their braces do not count.
 */
final class SourceSize {
  private SourceSize() {}

  /** A method (or constructor) body: its name, first line and length in lines. */
  record Method(String name, int line, int lines) {}

  private static final Pattern TYPE =
      Pattern.compile(
          "\\b(class|interface|enum|record)\\s+\\w+[^;{}]*$|\\bnew\\s+[\\w.<>]+\\s*\\([^;{}]*\\)\\s*$");
  private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(\\s*\\([^()]*\\))?");
  private static final Pattern METHOD =
      Pattern.compile("(\\w+)\\s*\\([^;{}]*\\)\\s*(throws\\s+[\\w.,\\s<>]+)?$");

  static int lines(Path file) {
    return read(file).split("\n", -1).length - (read(file).endsWith("\n") ? 1 : 0);
  }

  static List<Method> methods(Path file) {
    String code = blank(read(file));
    List<Method> out = new ArrayList<>();
    // what each open brace is: a type's body, a method's body (with its start), or a block
    Deque<Object> open = new ArrayDeque<>();
    int line = 1;
    int last = 0; // where the text before the next brace starts
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c == ';') {
        last = i + 1;
      } else if (c == '{') {
        String before = ANNOTATION.matcher(code.substring(last, i)).replaceAll(" ").strip();
        boolean inType = !open.isEmpty() && open.peek() == TYPE;
        Matcher m = METHOD.matcher(before);
        if (TYPE.matcher(before).find() || open.isEmpty()) {
          open.push(TYPE);
        } else if (inType && m.find() && !before.startsWith("record ")) {
          open.push(new Method(m.group(1), line, 0));
        } else {
          open.push(Boolean.TRUE);
        }
        last = i + 1;
      } else if (c == '}') {
        Object closed = open.pop();
        if (closed instanceof Method m) {
          out.add(new Method(m.name(), m.line(), line - m.line() + 1));
        }
        last = i + 1;
      }
    }
    return out;
  }

  /**
   * The lines of code that read native rows untyped: a suppressed unchecked conversion or a cast to
   * {@code Number} (comment lines aside), each as "line: text".
   */
  static List<String> untypedReads(Path file) {
    List<String> out = new ArrayList<>();
    String[] lines = read(file).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.startsWith("//") || l.startsWith("*") || l.startsWith("/*")) {
        continue;
      }
      if (UNTYPED.matcher(l).find()) {
        out.add((i + 1) + ": " + l);
      }
    }
    return out;
  }

  private static final Pattern UNTYPED =
      Pattern.compile("@SuppressWarnings\\(\\{?\\s*\"(unchecked|rawtypes)\"|\\(Number\\)");

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The code with comments and literals replaced by spaces (line breaks kept). */
  static String blank(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int end;
      if (s.startsWith("//", i)) {
        end = s.indexOf('\n', i);
        end = end < 0 ? s.length() : end;
      } else if (s.startsWith("/*", i)) {
        end = s.indexOf("*/", i + 2) + 2;
      } else if (s.startsWith("\"\"\"", i)) {
        end = s.indexOf("\"\"\"", i + 3) + 3;
      } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
        char q = s.charAt(i);
        end = i + 1;
        while (s.charAt(end) != q) {
          end += s.charAt(end) == '\\' ? 2 : 1;
        }
        end++;
      } else {
        out.append(s.charAt(i++));
        continue;
      }
      for (int k = i; k < end; k++) {
        out.append(s.charAt(k) == '\n' ? '\n' : ' ');
      }
      i = end;
    }
    return out.toString();
  }
}
