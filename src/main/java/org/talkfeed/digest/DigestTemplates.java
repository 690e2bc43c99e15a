package org.talkfeed.digest;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The digest's Mustache templates: those in the override folder ({@code templates/} beside the configuration file)
 * where one of the same name is there, else the built-in ones. HTML templates escape every value; text ones do not.
 */
public final class DigestTemplates {
    public static final String PAGE = "digest.html.mustache";
    public static final String TEXT = "digest.txt.mustache";
    public static final String INDEX = "digest-index.html.mustache";
    private static final String BUILT_IN = "org/talkfeed/digest/";

    private final DefaultMustacheFactory html;
    private final DefaultMustacheFactory text;

    /** @param overrides the folder whose templates replace the built-in ones of the same name; null for none */
    public DigestTemplates(Path overrides) {
        MustacheResolver resolver = name -> reader(overrides, name);
        this.html = new DefaultMustacheFactory(resolver);
        this.text = new DefaultMustacheFactory(resolver) {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** Renders template {@code name} with {@code scope}; a template that cannot be read or parsed throws with its name. */
    public String render(String name, Object scope) {
        DefaultMustacheFactory factory = name.endsWith(".html.mustache") ? html : text;
        try {
            Mustache template = factory.compile(name);
            StringWriter out = new StringWriter();
            template.execute(out, scope);
            return out.toString();
        } catch (MustacheException e) {
            throw new IllegalStateException("template " + name + ": " + e.getMessage(), e);
        }
    }

    private static Reader reader(Path overrides, String name) {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            return null;
        }
        if (overrides != null) {
            Path file = overrides.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the template " + file + ": " + e.getMessage(), e);
                }
            }
        }
        InputStream builtIn = DigestTemplates.class.getClassLoader().getResourceAsStream(BUILT_IN + name);
        return builtIn == null ? null : new InputStreamReader(builtIn, StandardCharsets.UTF_8);
    }
}
