/** Reading orders: search, lists, workbenches' task boxes, the caller's history. */
package org.openhotline.workorder.internal.query;
