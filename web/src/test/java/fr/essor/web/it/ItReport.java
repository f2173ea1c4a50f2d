package fr.essor.web.it;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Figures that an in-container test wants printed in the build's output. What a test prints inside
 * Payara goes to the server's log, which the build does not show; the test writes its lines to a
 * file named after the server's port in the temporary folder (the server and Maven run on the same
 * machine), and a client-side test method of the same class prints them.
 */
final class ItReport {

    private ItReport() {
    }

    private static Path file(URL base, String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), "essor-it-" + base.getPort() + "-" + name + ".txt");
    }

    /** Inside the server: keeps the lines for the client. */
    static void write(URL base, String name, List<String> lines) throws IOException {
        Files.write(file(base, name), lines, StandardCharsets.UTF_8);
    }

    /** On the client: prints the lines the server-side test kept, then removes them; fails when there are none. */
    static List<String> print(URL base, String name) throws IOException {
        Path f = file(base, name);
        if (!Files.isRegularFile(f)) {
            throw new AssertionError("The in-container test " + name + " left no figures in " + f + ": did it run?");
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);
        Files.delete(f);
        return lines;
    }
}
