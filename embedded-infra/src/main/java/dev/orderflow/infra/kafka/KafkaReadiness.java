package dev.orderflow.infra.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** A broker is ready when an admin client gets a cluster description with at least one node from it. */
final class KafkaReadiness {

    private KafkaReadiness() {
    }

    /** One bounded attempt; the admin client retries and backs off internally within {@code wait}. */
    static boolean answers(String bootstrapServers, Duration wait) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) wait.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) wait.toMillis()))) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) wait.toMillis()))
                    .nodes().get(wait.toMillis() + 1000, TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
