package jug.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets this jugfile's results hold classes beyond jug's defaults, such as a library's model or value types. Each
 * entry is a class's binary name ({@code "org.lab.Spectrum"}, {@code "org.lab.Fit$Line"}) or a package, given as a
 * prefix ending in a dot ({@code "smile.regression."}, which includes its subpackages). jug loads stored results
 * only of allowed classes, because building objects of any class a store names is how deserialization attacks work:
 * allow the packages of plain data and models, never broad ones such as {@code "java."}.
 *
 * <pre>{@code
 * @AllowResults({"smile.regression.", "smile.data."})
 * public class Jugfile { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AllowResults {
    /** Binary class names, and package prefixes ending in a dot. */
    String[] value();
}
