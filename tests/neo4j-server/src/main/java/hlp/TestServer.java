package hlp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A Neo4j 5 community server for the tests: embedded, Bolt on 127.0.0.1 only, auth off, data in a
 * fresh temporary directory that is deleted on shutdown.
 *
 * <p>Usage: {@code java -cp ... hlp.TestServer <port> [data-dir]}. Prints exactly one line starting
 * with {@code NEO4J_READY bolt://127.0.0.1:<port>} once Bolt accepts connections, and shuts down
 * when stdin closes (the parent test process died or closed the pipe) or on SIGTERM. Without a
 * data directory it uses a fresh temporary one and deletes it on shutdown; with one (a test that
 * stops and restarts the server) the data is kept.
 */
public final class TestServer {
  private TestServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: hlp.TestServer <bolt-port> [data-dir]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    boolean keep = args.length == 2;
    Path home = keep ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("hlp-neo4j-");

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            // Small page cache and transaction memory: the suite's graph is a few thousand records.
            .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
            .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
            .build();

    // System.exit (stdin closed) and SIGTERM both run this hook: a clean shutdown either way.
    Runnable stop =
        () -> {
          try {
            dbms.shutdown();
          } finally {
            if (!keep) {
              deleteTree(home);
            }
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-test-server-shutdown"));

    // The embedded Bolt connector is up once the default database is available.
    if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(60_000)) {
      System.err.println("NEO4J_FAILED the default database did not become available within 60 s");
      System.exit(1);
    }
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " " + home);
    System.out.flush();

    // Block until the parent closes our stdin: that is how the test runner (or its death) stops us.
    InputStream in = System.in;
    byte[] buffer = new byte[256];
    while (in.read(buffer) >= 0) {
      // Input is ignored; only end-of-stream matters.
    }
    System.exit(0);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // Best effort: the directory is under the system temp dir either way.
    }
  }
}
