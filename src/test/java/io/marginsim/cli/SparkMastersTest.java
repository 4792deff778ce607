package io.marginsim.cli;

import io.marginsim.check.SpecException;
import io.marginsim.engine.EngineUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkMastersTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "local[1]", "local[16]", "local[*]", "local[4,2]", "local[*, 3]",
            "local-cluster[2, 1, 1024]", "yarn", "k8s://https://kube.example:6443", "k8s://kube.example:443"})
    void formsSparkAcceptsWithoutAStandaloneMasterPassWithoutConnecting(String master) {
        assertThatCode(() -> SparkMasters.check(master)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "locl[2]", "local[0]", "local[]", "local[-1]", "local[two]", "spark://", "spark://head",
            "spark://head:", "spark://head:0", "spark://head:99999", "spark://head:7077/path", "spark://head:7077,",
            "spark://user@head:7077", "head:7077", "k8s://", "k8s://ftp://kube:21", "yarn-cluster"})
    void malformedUrlsAreBadInputInOneSentence(String master) {
        assertThatThrownBy(() -> SparkMasters.check(master)).isInstanceOf(SpecException.class)
                .hasMessage("--spark must be a Spark master URL (local, local[N], local[*], local[N,F], "
                        + "local-cluster[N,C,M], spark://HOST:PORT[,HOST:PORT...], yarn or k8s://[https://]HOST[:PORT]) "
                        + "but was \"" + master + "\"");
    }

    @Test
    void mesosIsRefusedBecauseSparkNoLongerSupportsIt() {
        assertThatThrownBy(() -> SparkMasters.check("mesos://head:5050")).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("--spark must be a master URL Spark 4 accepts")
                .hasMessageEndingWith("but was \"mesos://head:5050\", and Spark 4 no longer supports Mesos");
    }

    @Test
    void aStandaloneMasterThatAcceptsConnectionsPasses() throws Exception {
        try (ServerSocket master = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatCode(() -> SparkMasters.check("spark://127.0.0.1:" + master.getLocalPort()))
                    .doesNotThrowAnyException();
            // standby masters: one that answers is enough
            assertThatCode(() -> SparkMasters.check("spark://127.0.0.1:" + closedPort() + ",127.0.0.1:"
                    + master.getLocalPort())).doesNotThrowAnyException();
        }
    }

    @Test
    void anUnreachableStandaloneMasterIsEngineUnavailableWithinTheTimeout() throws Exception {
        int port = closedPort();
        long start = System.nanoTime();
        assertThatThrownBy(() -> SparkMasters.check("spark://127.0.0.1:" + port))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageStartingWith("No Spark master accepts connections at --spark spark://127.0.0.1:" + port
                        + " (tried 127.0.0.1:" + port + " (")
                .hasMessageEndingWith(") with a 3.0 s timeout); start the master or correct the URL.");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(SparkMasters.CONNECT_TIMEOUT_MILLIS / 1000.0 + 1);
        assertThatThrownBy(() -> SparkMasters.check("spark://no-such-host.invalid:7077"))
                .isInstanceOf(EngineUnavailableException.class).hasMessageContaining("no-such-host.invalid:7077");
    }

    /** A loopback port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
