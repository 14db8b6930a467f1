package org.openhotline.channels.internal;

import java.util.List;
import org.openhotline.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The staff screens of the channels (渠道管理): typical cases for the portal, Open311 API keys, chat canned replies. */
@Component
class ChannelsMenu implements MenuEntry.Contribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry("渠道管理", "typical-cases", "典型案例", "/channels/typical-cases", "knowledge:edit", 180),
                new MenuEntry("渠道管理", "open311-keys", "Open311 接口密钥", "/channels/open311-keys", "config:manage", 181),
                new MenuEntry("渠道管理", "chat-canned", "在线客服常用语", "/channels/canned-replies", "call:admin", 182));
    }
}
