package org.openhotline.channels.internal.wechat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** WeChat's flat {@code <xml>} documents: read into a map of element texts (no DTDs, no entities), and written. */
final class WeChatXml {

    private WeChatXml() {}

    static Map<String, String> read(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            Map<String, String> fields = new HashMap<>();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    fields.put(e.getTagName(), e.getTextContent());
                }
            }
            return fields;
        } catch (Exception e) {
            throw new WeChatCrypto.Refused("not WeChat XML");
        }
    }

    static String cdata(String value) {
        return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    /** A passive text reply to {@code user} from the account {@code account}. */
    static String textReply(String user, String account, long createTime, String text) {
        return "<xml><ToUserName>" + cdata(user) + "</ToUserName><FromUserName>" + cdata(account)
                + "</FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>"
                + cdata(text) + "</Content></xml>";
    }
}
