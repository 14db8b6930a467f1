package org.openhotline.knowledge.internal;

import java.util.List;
import org.openhotline.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class KnowledgeMenu implements MenuEntry.Contribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("知识库", "knowledge-portal", "知识门户", "/knowledge", "knowledge:read", 300),
                new MenuEntry("知识库", "knowledge-assistant", "智能问答助手", "/knowledge/assistant", "knowledge:read", 301),
                new MenuEntry("知识库", "knowledge-mine", "我的知识", "/knowledge/mine", "knowledge:read", 302),
                new MenuEntry("知识库", "knowledge-questions", "知识提问", "/knowledge/questions", "knowledge:read", 303),
                new MenuEntry("知识库", "knowledge-inbox", "知识提问待答", "/knowledge/inbox", "workorder:handle", 304),
                new MenuEntry("知识库", "knowledge-editor", "知识采编", "/knowledge/editor", "knowledge:edit", 305),
                new MenuEntry("知识库", "knowledge-review", "知识审核", "/knowledge/review", "knowledge:review", 306),
                new MenuEntry("知识库", "knowledge-misses", "查无信息处理", "/knowledge/misses", "knowledge:edit", 307),
                new MenuEntry("知识库", "knowledge-categories", "栏目管理", "/knowledge/admin/categories", "knowledge:category", 308),
                new MenuEntry("知识库", "knowledge-synonyms", "同义词管理", "/knowledge/admin/synonyms", "knowledge:edit", 309),
                new MenuEntry("知识库", "knowledge-own", "本单位知识库", "/knowledge/own", "workorder:handle", 310));
    }
}
