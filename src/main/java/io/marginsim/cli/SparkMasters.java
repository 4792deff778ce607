package io.marginsim.cli;

import io.marginsim.check.SpecException;
import io.marginsim.engine.EngineUnavailableException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a {@code --spark} master URL before Spark starts. Spark itself answers a malformed URL with a stack trace
 * and an unreachable standalone master only after about a minute of retries; here the first is bad input in one
 * sentence and the second a short TCP connect per master, so both fail at once. Plain Java (no Spark classes), so the
 * spark module's command and the core tests share it.
 */
public final class SparkMasters {
    /** Long enough for a master across a data centre, short next to Spark's own minute of retries. */
    public static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    /** The forms Spark 4's SparkContext accepts for local runs: local, local[N|*], local[N|*, F], local-cluster. */
    private static final Pattern LOCAL = Pattern.compile(
            "local|local\\[(?:[1-9][0-9]*|\\*)(?:\\s*,\\s*[0-9]+)?]|local-cluster\\[\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*"
                    + "\\s*,\\s*[1-9][0-9]*\\s*]");
    private static final String FORMS = "local, local[N], local[*], local[N,F], local-cluster[N,C,M], "
            + "spark://HOST:PORT[,HOST:PORT...], yarn or k8s://[https://]HOST[:PORT]";

    private SparkMasters() {
    }

    /**
     * Refuses a malformed master URL ({@link SpecException}) and a standalone master none of whose hosts accepts a
     * connection ({@link EngineUnavailableException}); other masters are left to Spark.
     */
    public static void check(String master) throws EngineUnavailableException {
        check(master, CONNECT_TIMEOUT_MILLIS);
    }

    static void check(String master, int timeoutMillis) throws EngineUnavailableException {
        List<InetSocketAddress> standalone = standaloneMasters(master);
        if (standalone.isEmpty()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress address : standalone) {
            try (Socket socket = new Socket()) {
                // resolved here, not while parsing, so a name that does not resolve is one more failed master
                socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), timeoutMillis);
                return;
            } catch (IOException e) {
                failures.add(address.getHostString() + ":" + address.getPort() + " ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
            }
        }
        throw new EngineUnavailableException("No Spark master accepts connections at --spark " + master + " (tried "
                + String.join(", ", failures) + " with a " + timeoutMillis / 1000.0
                + " s timeout); start the master or correct the URL.");
    }

    /** The host and port (unresolved) of each master of a {@code spark://} URL; empty for the other valid forms. */
    static List<InetSocketAddress> standaloneMasters(String master) {
        if (master == null || LOCAL.matcher(master).matches() || master.equals("yarn")) {
            return List.of();
        }
        if (master.startsWith("k8s://")) {
            String api = master.substring("k8s://".length());
            URI uri = uri(master, api.contains("://") ? api : "https://" + api);
            if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw malformed(master);
            }
            return List.of();
        }
        if (master.startsWith("mesos://")) {
            throw new SpecException("--spark", "must be a master URL Spark 4 accepts (" + FORMS + ") but was \""
                    + master + "\", and Spark 4 no longer supports Mesos");
        }
        if (!master.startsWith("spark://")) {
            throw malformed(master);
        }
        List<InetSocketAddress> masters = new ArrayList<>();
        // spark://h1:p1,h2:p2 names standby masters of one cluster, as Spark splits it
        for (String hostPort : master.substring("spark://".length()).split(",", -1)) {
            URI uri = uri(master, "spark://" + hostPort.strip());
            if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535 || uri.getUserInfo() != null
                    || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw malformed(master);
            }
            masters.add(InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort()));
        }
        return masters;
    }

    private static URI uri(String master, String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw malformed(master);
        }
    }

    private static SpecException malformed(String master) {
        return new SpecException("--spark", "must be a Spark master URL (" + FORMS + ") but was \"" + master + "\"");
    }
}
