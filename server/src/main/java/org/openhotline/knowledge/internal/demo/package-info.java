/** The demo city's knowledge base, seeded on first start when demo data is on. */
package org.openhotline.knowledge.internal.demo;
