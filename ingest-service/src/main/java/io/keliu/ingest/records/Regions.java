package io.keliu.ingest.records;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The region dimension: mainland China's provincial divisions (plus Hong Kong, Macao and Taiwan) under one canonical
 * name each (the full name, e.g. 浙江省, as maps label them), reached from the full name, the short name (浙江) or the
 * pinyin (Zhejiang); and the province and city read off the front of a Chinese shipping address.
 */
public final class Regions {
    /** Full name, short name, pinyin. Municipalities are their own city. */
    private static final List<String[]> PROVINCES = List.of(
            new String[] {"北京市", "北京", "Beijing"}, new String[] {"天津市", "天津", "Tianjin"},
            new String[] {"上海市", "上海", "Shanghai"}, new String[] {"重庆市", "重庆", "Chongqing"},
            new String[] {"河北省", "河北", "Hebei"}, new String[] {"山西省", "山西", "Shanxi"},
            new String[] {"辽宁省", "辽宁", "Liaoning"}, new String[] {"吉林省", "吉林", "Jilin"},
            new String[] {"黑龙江省", "黑龙江", "Heilongjiang"}, new String[] {"江苏省", "江苏", "Jiangsu"},
            new String[] {"浙江省", "浙江", "Zhejiang"}, new String[] {"安徽省", "安徽", "Anhui"},
            new String[] {"福建省", "福建", "Fujian"}, new String[] {"江西省", "江西", "Jiangxi"},
            new String[] {"山东省", "山东", "Shandong"}, new String[] {"河南省", "河南", "Henan"},
            new String[] {"湖北省", "湖北", "Hubei"}, new String[] {"湖南省", "湖南", "Hunan"},
            new String[] {"广东省", "广东", "Guangdong"}, new String[] {"海南省", "海南", "Hainan"},
            new String[] {"四川省", "四川", "Sichuan"}, new String[] {"贵州省", "贵州", "Guizhou"},
            new String[] {"云南省", "云南", "Yunnan"}, new String[] {"陕西省", "陕西", "Shaanxi"},
            new String[] {"甘肃省", "甘肃", "Gansu"}, new String[] {"青海省", "青海", "Qinghai"},
            new String[] {"台湾省", "台湾", "Taiwan"}, new String[] {"内蒙古自治区", "内蒙古", "Inner Mongolia"},
            new String[] {"广西壮族自治区", "广西", "Guangxi"}, new String[] {"西藏自治区", "西藏", "Tibet"},
            new String[] {"宁夏回族自治区", "宁夏", "Ningxia"}, new String[] {"新疆维吾尔自治区", "新疆", "Xinjiang"},
            new String[] {"香港特别行政区", "香港", "Hong Kong"}, new String[] {"澳门特别行政区", "澳门", "Macao"});
    /** City-level suffixes with the longest name that ends in each (黔西南布依族苗族自治州 is 11 characters). */
    private static final Map<String, Integer> CITY_SUFFIXES = Map.of("自治州", 12, "地区", 6, "市", 6, "盟", 6);

    private static final Map<String, String> CANONICAL = new HashMap<>();
    private static final Set<String> CANONICAL_NAMES = new HashSet<>();

    static {
        for (String[] names : PROVINCES) {
            CANONICAL_NAMES.add(names[0]);
            for (String name : names) {
                CANONICAL.put(name.toLowerCase(Locale.ROOT).replace(" ", ""), names[0]);
            }
        }
        CANONICAL.put("macau", "澳门特别行政区");
        CANONICAL.put("xizang", "西藏自治区");
        CANONICAL.put("neimenggu", "内蒙古自治区");
        CANONICAL.put("hongkong", "香港特别行政区");
    }

    private Regions() {
    }

    /** The canonical province name, or the input unchanged when it is not a province we know (other countries). */
    public static String canonicalProvince(String name) {
        if (name == null) {
            return null;
        }
        return CANONICAL.getOrDefault(name.toLowerCase(Locale.ROOT).replace(" ", ""), name);
    }

    public static boolean isChineseProvince(String canonicalName) {
        return CANONICAL_NAMES.contains(canonicalName);
    }

    /** Province and city at the front of a Chinese address; {null, null} when the address does not start so. */
    public static String[] fromAddress(String address) {
        if (address == null) {
            return new String[] {null, null};
        }
        String text = address.strip();
        for (String[] names : PROVINCES) {
            for (int form = 0; form < 2; form++) {
                if (text.startsWith(names[form])) {
                    return new String[] {names[0], cityAfter(names, text.substring(names[form].length()))};
                }
            }
        }
        return new String[] {null, null};
    }

    private static String cityAfter(String[] province, String rest) {
        if (province[0].endsWith("市")) {
            return province[0];
        }
        String city = null;
        for (Map.Entry<String, Integer> suffix : CITY_SUFFIXES.entrySet()) {
            int at = rest.indexOf(suffix.getKey());
            int end = at + suffix.getKey().length();
            if (at > 0 && end <= suffix.getValue() && (city == null || end < city.length())) {
                city = rest.substring(0, end);
            }
        }
        return city;
    }
}
