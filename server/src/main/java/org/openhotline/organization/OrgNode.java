package org.openhotline.organization;

/** An organization node as other modules and the API see it. */
public record OrgNode(long id, Long parentId, OrgNodeKind kind, String code, String name, String path, int depth,
                      String duties, String contactPerson, String contactPhone, String address, boolean enabled,
                      int sortOrder, int version) {}
