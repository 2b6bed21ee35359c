package org.netdicom.index.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Hashtable;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.netdicom.index.InstanceIndex;
import org.netdicom.index.jdbc.JdbcIndexes;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the {@link InstanceIndex} service from configuration {@value #PID}: it waits for the
 * {@link DataSourceFactory} service of the configured driver ({@code osgi.jdbc.driver.class}; the
 * H2 bundle and the PostgreSQL driver bundle register one), opens the index (creating its tables)
 * and registers it; when that factory goes, the index is unregistered and closed. A database that
 * cannot be reached (PostgreSQL not up yet) is tried again every {@value #RETRY_SECONDS} s. Switching to
 * PostgreSQL is configuration only ({@code url}, {@code user}, {@code password},
 * {@code driver = org.postgresql.Driver}), or the environment variables {@code NETDICOM_INDEX_URL},
 * {@code _USER}, {@code _PASSWORD} ({@link IndexSettings}); a changed configuration reopens the index.
 */
@Component(configurationPid = IndexComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true, service = {})
@Designate(ocd = IndexConfig.class)
public final class IndexComponent {

    static final String PID = "org.netdicom.index";
    static final int RETRY_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger("org.netdicom.index");

    private final Map<String, String> environment;
    private ServiceTracker<DataSourceFactory, DataSourceFactory> tracker;

    /** One thread, made only when a retry is needed, for the next attempts to open the database. */
    private final ScheduledThreadPoolExecutor retries = retryExecutor();

    private static ScheduledThreadPoolExecutor retryExecutor() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "netdicom-index-open");
            t.setDaemon(true);
            return t;
        });
        e.setKeepAliveTime(1, TimeUnit.SECONDS);
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    public IndexComponent() {
        this(System.getenv());
    }

    IndexComponent(Map<String, String> environment) {
        this.environment = environment;
    }

    @Activate
    void activate(BundleContext context, IndexConfig config) throws InvalidSyntaxException {
        IndexSettings settings = IndexSettings.of(config, environment);
        String url = settings.url().isEmpty() ? defaultUrl(context) : settings.url();
        String driver = settings.driver();
        String filter = "(&(objectClass=" + DataSourceFactory.class.getName() + ")("
                + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + driver + "))";
        tracker = new ServiceTracker<>(context, context.createFilter(filter),
                new Opener(context, url, settings.user(), settings.password(), Math.max(0, config.idle_connections()),
                        retries));
        tracker.open();
        if (tracker.isEmpty()) {
            LOG.info("netdicom index {} waits for the JDBC driver {} (a DataSourceFactory service{})", url, driver,
                    IndexSettings.POSTGRESQL_DRIVER.equals(driver) ? ": feature:install netdicom-postgresql" : "");
        }
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        retries.shutdownNow();
    }

    private String defaultUrl(BundleContext context) {
        Path dir = DataLocation.root(environment, context.getProperty("karaf.data")).resolve("index");
        return JdbcIndexes.h2Url(dir);
    }

    /** Opens the index on the first matching factory; closes it when that factory goes. */
    private static final class Opener implements ServiceTrackerCustomizer<DataSourceFactory, DataSourceFactory> {

        private final BundleContext context;
        private final String url;
        private final String user;
        private final String password;
        private final int idle;
        private ServiceReference<DataSourceFactory> used;
        private JdbcInstanceIndex index;
        private ServiceRegistration<InstanceIndex> registration;
        private final ScheduledExecutorService retries;
        private ScheduledFuture<?> retry;
        /** The factory a retry waits to use. */
        private ServiceReference<DataSourceFactory> pending;

        Opener(BundleContext context, String url, String user, String password, int idle,
                ScheduledExecutorService retries) {
            this.context = context;
            this.url = url;
            this.user = user;
            this.password = password;
            this.idle = idle;
            this.retries = retries;
        }

        @Override
        public synchronized DataSourceFactory addingService(ServiceReference<DataSourceFactory> reference) {
            DataSourceFactory factory = context.getService(reference);
            if (factory != null && used == null) {
                open(reference, factory);
            }
            return factory;
        }

        @Override
        public void modifiedService(ServiceReference<DataSourceFactory> reference, DataSourceFactory service) {
        }

        @Override
        public synchronized void removedService(ServiceReference<DataSourceFactory> reference, DataSourceFactory service) {
            if (reference.equals(used)) {
                close();
            }
            if (retry != null && reference.equals(pending)) {
                retry.cancel(false);
                retry = null;
                pending = null;
            }
            context.ungetService(reference);
        }

        private void open(ServiceReference<DataSourceFactory> reference, DataSourceFactory factory) {
            used = reference;
            try {
                if (url.startsWith("jdbc:h2:file:")) {
                    String file = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
                    Path parent = Path.of(file).toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                }
                Properties properties = new Properties();
                properties.setProperty(DataSourceFactory.JDBC_URL, url);
                properties.setProperty(DataSourceFactory.JDBC_USER, user);
                properties.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
                DataSource dataSource = factory.createDataSource(properties);
                index = JdbcInstanceIndex.open(dataSource, idle);
                long count = index.count();
                Hashtable<String, Object> props = new Hashtable<>();
                props.put("index.url", url);
                props.put("index.driver", String.valueOf(reference.getProperty(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS)));
                registration = context.registerService(InstanceIndex.class, index, props);
                LOG.info("netdicom index open at {} ({} instances)", url, count);
            } catch (SQLException | IOException | RuntimeException e) {
                LOG.error("netdicom index at {} cannot be opened (trying again in {} s): {}", url, RETRY_SECONDS,
                        e.getMessage());
                if (index != null) {
                    index.close();
                    index = null;
                }
                pending = reference;
                try {
                    retry = retries.schedule(() -> retry(reference, factory), RETRY_SECONDS,
                            TimeUnit.SECONDS);
                } catch (RejectedExecutionException stopping) {
                    used = null;
                }
            }
        }

        private synchronized void retry(ServiceReference<DataSourceFactory> reference, DataSourceFactory factory) {
            if (reference.equals(pending) && index == null) {
                retry = null;
                pending = null;
                open(reference, factory);
            }
        }

        private void close() {
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the bundle is stopping
                }
                registration = null;
            }
            if (index != null) {
                index.close();
                index = null;
            }
            used = null;
            LOG.info("netdicom index at {} closed", url);
        }
    }
}
