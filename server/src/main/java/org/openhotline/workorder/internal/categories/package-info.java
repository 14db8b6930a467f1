/** The dispatch catalogue (工单分类): the category tree and its edits. */
package org.openhotline.workorder.internal.categories;
