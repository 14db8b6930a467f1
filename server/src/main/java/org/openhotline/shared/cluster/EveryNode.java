package org.openhotline.shared.cluster;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @Scheduled} method: runs on every node of a cluster, not only on the holder of the singletons' lease —
 * for jobs about this node's own memory or connections (a buffer to flush, the desks connected here).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface EveryNode {}
