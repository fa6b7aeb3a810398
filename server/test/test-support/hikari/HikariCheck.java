import com.zaxxer.hikari.HikariConfig;
import java.io.FileReader;
import java.io.Reader;
import java.util.Properties;

/**
 * Loads a Poolscope HikariCP export the way an application would (new HikariConfig(properties)),
 * validates it (validate() is where HikariCP rewrites values under its floors), and prints what
 * HikariCP ended up with as one line of JSON. Nothing connects: validate() does not open the pool.
 */
public class HikariCheck {
  public static void main(String[] args) throws Exception {
    Properties properties = new Properties();
    try (Reader reader = new FileReader(args[0])) {
      properties.load(reader);
    }
    HikariConfig config = new HikariConfig(properties);
    // validate() needs somewhere to connect to; it never dials it.
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/poolscope");
    config.validate();
    System.out.println("{"
        + "\"maximumPoolSize\":" + config.getMaximumPoolSize()
        + ",\"minimumIdle\":" + config.getMinimumIdle()
        + ",\"connectionTimeout\":" + config.getConnectionTimeout()
        + ",\"idleTimeout\":" + config.getIdleTimeout()
        + ",\"maxLifetime\":" + config.getMaxLifetime()
        + ",\"validationTimeout\":" + config.getValidationTimeout()
        + ",\"leakDetectionThreshold\":" + config.getLeakDetectionThreshold()
        + "}");
  }
}
