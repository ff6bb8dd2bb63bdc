package net.cdapkit.buildtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of a module as sorted text lines, one per accessible type and member, and the
 * check that keeps a committed copy of it honest.
 *
 * <p>The API is what the module exports: the unqualified {@code exports} of its {@code
 * module-info.class}, or, for a module without one, every package outside {@code .internal}. A line
 * is a type (with its superclass and interfaces) or a public or protected constructor, method or
 * field, written by {@link Class#toGenericString()} and its kin, so a change to any signature
 * removes one line and adds another.
 *
 * <p>Each line starts with the binary name of its type, so a type and its members sort together.
 *
 * <p>A line that disappears from the committed file breaks callers compiled against it (removal,
 * changed signature, narrowed visibility): {@link #check} fails on it unless the same line is
 * declared in the release's breaking-changes file. A line that appears is compatible, but the
 * committed file must still be updated so that reviewers see it.
 */
public final class ApiSignatures {

  /** The system property that makes {@link #check} rewrite a stale file instead of failing. */
  public static final String UPDATE_PROPERTY = "cdapkit.api.update";

  private ApiSignatures() {}

  /**
   * Checks the module compiled into {@code classes} against its committed API file.
   *
   * @param classes the module's compiled classes ({@code target/classes})
   * @param loader a class loader that sees those classes and their dependencies
   * @param apiFile the committed signature file
   * @param breakingFile the committed list of declared breaking changes (may not exist)
   * @param updateCommand what a developer runs to rewrite the file, quoted in failure messages
   * @throws AssertionError when the file is stale, or an undeclared line was removed
   */
  public static void check(
      Path classes, ClassLoader loader, Path apiFile, Path breakingFile, String updateCommand) {
    List<String> current = of(classes, loader);
    List<String> committed = readLines(apiFile);
    Set<String> declared = new TreeSet<>(readLines(breakingFile));
    declared.removeIf(line -> line.isBlank() || line.startsWith("#"));

    Set<String> removed = new TreeSet<>(committed);
    removed.removeAll(current);
    Set<String> added = new TreeSet<>(current);
    added.removeAll(committed);
    Set<String> undeclared = new TreeSet<>(removed);
    undeclared.removeAll(declared);

    if (!undeclared.isEmpty()) {
      throw new AssertionError(
          "Binary-incompatible API change in "
              + apiFile.getFileName()
              + ": these signatures were removed or changed, which breaks code compiled against"
              + " the previous release:\n  "
              + String.join("\n  ", undeclared)
              + "\nRestore them, or, if the break is intended for the next release, copy these"
              + " lines into "
              + breakingFile
              + " and run: "
              + updateCommand);
    }
    if (removed.isEmpty() && added.isEmpty()) {
      return;
    }
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      write(apiFile, current);
      return;
    }
    throw new AssertionError(
        "The API changed ("
            + added.size()
            + " signature(s) added, "
            + removed.size()
            + " declared removal(s)) and "
            + apiFile
            + " is stale. Run: "
            + updateCommand
            + "\nthen commit the file: its diff is the API change reviewers see. Added:\n  "
            + String.join("\n  ", added));
  }

  /**
   * The API signatures of the module compiled into {@code classes}, sorted.
   *
   * @param classes the module's compiled classes
   * @param loader a class loader that sees those classes and their dependencies
   * @return one line per accessible type and member of the exported packages
   */
  public static List<String> of(Path classes, ClassLoader loader) {
    Predicate<String> exported = exportedPackages(classes);
    Set<String> lines = new TreeSet<>();
    for (String className : classNames(classes)) {
      String pkg = className.substring(0, Math.max(0, className.lastIndexOf('.')));
      if (!exported.test(pkg)) {
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(className, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("Cannot load " + className, e);
      }
      if (isAccessible(type)) {
        lines.add(type.getName() + " : " + typeLine(type));
        members(type).forEach(lines::add);
      }
    }
    return new ArrayList<>(lines);
  }

  private static Predicate<String> exportedPackages(Path classes) {
    if (Files.exists(classes.resolve("module-info.class"))) {
      Optional<ModuleReference> module = ModuleFinder.of(classes).findAll().stream().findFirst();
      Set<String> exports =
          module.orElseThrow().descriptor().exports().stream()
              .filter(e -> !e.isQualified())
              .map(ModuleDescriptor.Exports::source)
              .collect(Collectors.toSet());
      return exports::contains;
    }
    return pkg -> !pkg.endsWith(".internal") && !pkg.contains(".internal.");
  }

  private static List<String> classNames(Path classes) {
    try (Stream<Path> files = Files.walk(classes)) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .map(f -> classes.relativize(f).toString())
          .filter(name -> !name.endsWith("module-info.class"))
          .filter(name -> !name.endsWith("package-info.class"))
          .map(name -> name.substring(0, name.length() - ".class".length()))
          .map(name -> name.replace('/', '.').replace('\\', '.'))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A type is API when it and every type enclosing it are public or protected. */
  private static boolean isAccessible(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      int m = t.getModifiers();
      if (!Modifier.isPublic(m) && !Modifier.isProtected(m)) {
        return false;
      }
    }
    return true;
  }

  private static String typeLine(Class<?> type) {
    StringBuilder line = new StringBuilder(type.toGenericString());
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      line.append(" extends ").append(superclass.getTypeName());
    }
    Set<String> interfaces = new TreeSet<>();
    for (Type i : type.getGenericInterfaces()) {
      interfaces.add(i.getTypeName());
    }
    if (!interfaces.isEmpty()) {
      line.append(type.isInterface() ? " extends " : " implements ")
          .append(String.join(", ", interfaces));
    }
    return line.toString();
  }

  private static List<String> members(Class<?> type) {
    // A protected member is API only where a partner can subclass: not in a final class.
    boolean extensible = !Modifier.isFinal(type.getModifiers()) && !type.isEnum();
    Set<String> lines = new LinkedHashSet<>();
    List<Member> members = new ArrayList<>(Arrays.asList(type.getDeclaredConstructors()));
    // Public methods inherited from a superclass a partner cannot name (a generated
    // ImmutableX.Builder, say) are called through this type: they are its API.
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c != type && isAccessible(c)) {
        break;
      }
      members.addAll(Arrays.asList(c.getDeclaredMethods()));
      members.addAll(Arrays.asList(c.getDeclaredFields()));
    }
    for (Member member : members) {
      int m = member.getModifiers();
      boolean visible = Modifier.isPublic(m) || (extensible && Modifier.isProtected(m));
      if (!visible || member.isSynthetic()) {
        continue;
      }
      if (member instanceof Method method && method.isBridge()) {
        continue;
      }
      lines.add(type.getName() + " :: " + describe(member));
    }
    return new ArrayList<>(lines);
  }

  /** A member's signature without its declaring class, which the line's prefix already names. */
  private static String describe(Member member) {
    StringBuilder line = new StringBuilder();
    if (member instanceof Field f) {
      line.append(Modifier.toString(f.getModifiers() & Modifier.fieldModifiers()))
          .append(' ')
          .append(f.getGenericType().getTypeName())
          .append(' ')
          .append(f.getName());
      return line.toString();
    }
    Executable e = (Executable) member;
    int mask = e instanceof Method ? Modifier.methodModifiers() : Modifier.constructorModifiers();
    line.append(Modifier.toString(e.getModifiers() & mask));
    if (e instanceof Method m && m.isDefault()) {
      line.append(" default");
    }
    if (e.getTypeParameters().length > 0) {
      line.append(
          Arrays.stream(e.getTypeParameters())
              .map(ApiSignatures::typeVariable)
              .collect(Collectors.joining(",", " <", ">")));
    }
    if (e instanceof Method m) {
      line.append(' ')
          .append(m.getGenericReturnType().getTypeName())
          .append(' ')
          .append(m.getName());
    } else {
      line.append(" <init>");
    }
    line.append(
        Arrays.stream(e.getGenericParameterTypes())
            .map(Type::getTypeName)
            .collect(Collectors.joining(",", "(", ")")));
    if (e.isVarArgs()) {
      line.append(" varargs");
    }
    Type[] exceptions = e.getGenericExceptionTypes();
    if (exceptions.length > 0) {
      line.append(
          Arrays.stream(exceptions)
              .map(Type::getTypeName)
              .collect(Collectors.joining(",", " throws ", "")));
    }
    return line.toString().strip();
  }

  private static String typeVariable(java.lang.reflect.TypeVariable<?> variable) {
    String bounds =
        Arrays.stream(variable.getBounds())
            .filter(b -> b != Object.class)
            .map(Type::getTypeName)
            .collect(Collectors.joining(" & "));
    return bounds.isEmpty() ? variable.getName() : variable.getName() + " extends " + bounds;
  }

  private static List<String> readLines(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, List<String> lines) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
