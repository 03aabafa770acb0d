package io.booker.testinfra;

import io.booker.dev.infra.InfraEndpoints;
import java.util.concurrent.CompletableFuture;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers flavour of {@link TestInfra}, for machines with a Docker engine. Kept in its
 * own class so that Testcontainers is only loaded when it is used.
 */
final class ContainerInfra {

  private ContainerInfra() {
  }

  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  static InfraEndpoints start() {
    PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(DockerImageName.parse("postgres:17"))
        .withUsername("postgres")
        .withPassword("postgres")
        .withDatabaseName("postgres");
    postgres.setCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
    GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("redis:7"))
        .withExposedPorts(6379);
    KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.2"))
        .withEnv("KAFKA_NUM_PARTITIONS", "3")
        .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true");
    CompletableFuture.allOf(
        CompletableFuture.runAsync(postgres::start),
        CompletableFuture.runAsync(redis::start),
        CompletableFuture.runAsync(kafka::start)).join();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      kafka.stop();
      redis.stop();
      postgres.stop();
    }, "test-containers-stop"));
    return new InfraEndpoints(postgres.getHost(), postgres.getMappedPort(5432), "postgres",
        "postgres", redis.getHost(), redis.getMappedPort(6379), kafka.getBootstrapServers());
  }
}
