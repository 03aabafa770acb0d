package io.booker.testinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a Docker engine is reachable, decided without touching Testcontainers when there is
 * plainly none (no DOCKER_HOST, no socket, no Testcontainers config): then the answer is an
 * instant, silent "no" instead of Testcontainers' slow probe and its error log.
 */
final class DockerProbe {

  private DockerProbe() {
  }

  static boolean available() {
    if (!anyHint()) {
      return false;
    }
    try {
      return ContainerInfra.dockerAvailable();
    } catch (Throwable t) {
      return false;
    }
  }

  private static boolean anyHint() {
    if (System.getenv("DOCKER_HOST") != null) {
      return true;
    }
    String home = System.getProperty("user.home");
    List<Path> candidates = new ArrayList<>(List.of(
        Path.of("/var/run/docker.sock"),
        Path.of("/run/docker.sock"),
        Path.of(home, ".docker", "run", "docker.sock"),
        Path.of(home, ".docker", "desktop", "docker.sock"),
        Path.of(home, ".colima", "default", "docker.sock"),
        Path.of(home, ".rd", "docker.sock"),
        Path.of(home, ".testcontainers.properties")));
    String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
    if (runtimeDir != null) {
      candidates.add(Path.of(runtimeDir, "docker.sock"));
      candidates.add(Path.of(runtimeDir, "podman", "podman.sock"));
    }
    return candidates.stream().anyMatch(Files::exists);
  }
}
