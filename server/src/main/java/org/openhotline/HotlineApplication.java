package org.openhotline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * OpenHotline: one process runs the hotline's modules (see {@code package-info.java} of each package under
 * {@code org.openhotline}). Classes in this root package only start the platform: database, demo data, banner.
 */
// Beans are named by their fully qualified class: modules may each have, say, their own internal Categories.
@SpringBootApplication(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class HotlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(HotlineApplication.class, args);
    }
}
