/** The column tree (栏目) and who may read, write and review in each column, a unit's own base (独立知识库) included. */
package org.openhotline.knowledge.internal.categories;
