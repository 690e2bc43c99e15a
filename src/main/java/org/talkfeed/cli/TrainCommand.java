package org.talkfeed.cli;

import org.talkfeed.eval.ModelBuild;
import org.talkfeed.extract.Decisions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains extraction's learned decisions (talk or not, kind, confidence) on labeled corpora, deterministically,",
                "and writes the model that talkfeed ships (src/main/resources/org/talkfeed/extract/model.json by default)."})
final class TrainCommand implements Callable<Integer> {
    static final Path SHIPPED = Path.of("src", "main", "resources", "org", "talkfeed", "extract", Decisions.RESOURCE);

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Labeled corpus folders (NNN.eml + NNN.json, corpus/SCHEMA.md).")
    List<Path> corpora;

    @Option(names = "--out", description = "Where to write the model (default: ${DEFAULT-VALUE}).")
    Path out = SHIPPED;

    @Override
    public Integer call() {
        try {
            Decisions decisions = ModelBuild.train(corpora);
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, decisions.write());
            System.out.println("wrote " + out + " (" + decisions.provenance().command() + ")");
            return 0;
        } catch (IOException e) {
            System.err.println("talkfeed: " + e.getMessage());
            return 1;
        }
    }
}
