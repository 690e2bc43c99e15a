package org.talkfeed.templates;

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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Mustache templates of the archive and the digest: those in the override folder ({@code templates/} beside the
 * configuration file) where one of the same name is there, else the built-in ones. HTML templates
 * ({@code *.html.mustache}) escape every value; text ones do not. Partials and parents are found the same way, by name.
 */
public final class Templates {
    /** What a template file's name ends with; partials and parents are named with it ({@code {{> row.html}}}). */
    public static final String EXTENSION = ".mustache";
    private static final String BUILT_IN = "org/talkfeed/templates/";

    private final Path overrides;
    private final DefaultMustacheFactory html;
    private final DefaultMustacheFactory text;

    /** @param overrides the folder whose templates replace the built-in ones of the same name; null for none */
    public Templates(Path overrides) {
        this.overrides = overrides;
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
        StringWriter out = new StringWriter();
        render(name, scope, out);
        return out.toString();
    }

    /** Renders template {@code name} with {@code scope} into {@code out}. */
    public void render(String name, Object scope, Writer out) {
        DefaultMustacheFactory factory = name.endsWith(".html" + EXTENSION) ? html : text;
        try {
            Mustache template = factory.compile(name);
            template.execute(out, scope);
        } catch (MustacheException e) {
            throw new IllegalStateException("template " + name + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of a file published as it is (the stylesheet): the override folder's, else the built-in one. */
    public byte[] file(String name) throws IOException {
        if (overrides != null && Files.isRegularFile(overrides.resolve(name))) {
            return Files.readAllBytes(overrides.resolve(name));
        }
        try (InputStream builtIn = Templates.class.getClassLoader().getResourceAsStream(BUILT_IN + name)) {
            if (builtIn == null) {
                throw new IOException("no built-in file " + name);
            }
            return builtIn.readAllBytes();
        }
    }

    /**
     * A digest of the override folder's templates (names and contents) as they are now: what a page rendered from
     * them depends on besides its data. The same for no folder, an empty one and one without templates.
     */
    public static String overridesPrint(Path overrides) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (overrides != null && Files.isDirectory(overrides)) {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(overrides, "*" + EXTENSION)) {
                listing.forEach(files::add);
            }
            files.sort(null);
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    byte[] name = file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
                    byte[] content = Files.readAllBytes(file);
                    digest.update(name);
                    digest.update((byte) 0);
                    digest.update(Integer.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                    digest.update((byte) 0);
                    digest.update(content);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 12);
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
        InputStream builtIn = Templates.class.getClassLoader().getResourceAsStream(BUILT_IN + name);
        return builtIn == null ? null : new InputStreamReader(builtIn, StandardCharsets.UTF_8);
    }
}
