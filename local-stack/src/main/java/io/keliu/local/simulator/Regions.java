package io.keliu.local.simulator;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where customers live, weighted roughly by online retail volume: the coastal provinces and the big municipalities
 * dominate, the west is thinner; about one order in twenty ships abroad.
 */
final class Regions {
    private static final Weighted<Region> REGIONS = Weighted.<Region>of()
            .add(10, region("广东省", "深圳市", "南山区 福田区 宝安区 龙岗区", "科技园路 深南大道 新安路 龙翔大道"))
            .add(9, region("广东省", "广州市", "天河区 越秀区 海珠区 番禺区", "天河路 中山五路 江南大道 市桥路"))
            .add(9, region("上海市", "上海市", "浦东新区 徐汇区 静安区 闵行区", "张江路 漕溪北路 南京西路 莘庄路"))
            .add(8, region("北京市", "北京市", "朝阳区 海淀区 东城区 丰台区", "建国路 中关村大街 东直门内大街 丰台路"))
            .add(8, region("浙江省", "杭州市", "西湖区 余杭区 滨江区 上城区", "文三路 文一西路 江南大道 解放路"))
            .add(4, region("浙江省", "宁波市", "鄞州区 海曙区 江北区", "天童路 中山西路 人民路"))
            .add(6, region("江苏省", "苏州市", "姑苏区 工业园区 吴中区", "干将路 星湖街 东吴北路"))
            .add(5, region("江苏省", "南京市", "鼓楼区 玄武区 江宁区 建邺区", "中山路 珠江路 双龙大道 江东中路"))
            .add(5, region("四川省", "成都市", "武侯区 锦江区 高新区 成华区", "人民南路 春熙路 天府大道 建设路"))
            .add(4, region("湖北省", "武汉市", "洪山区 江汉区 武昌区", "珞喻路 解放大道 中南路"))
            .add(4, region("山东省", "青岛市", "市南区 崂山区 李沧区", "香港中路 海尔路 京口路"))
            .add(3, region("山东省", "济南市", "历下区 市中区 槐荫区", "泉城路 经十路 纬二路"))
            .add(4, region("福建省", "厦门市", "思明区 湖里区 集美区", "湖滨南路 嘉禾路 集美大道"))
            .add(3, region("福建省", "福州市", "鼓楼区 台江区 仓山区", "五四路 八一七中路 首山路"))
            .add(4, region("重庆市", "重庆市", "渝中区 江北区 渝北区 南岸区", "解放碑步行街 观音桥步行街 龙华大道 南坪正街"))
            .add(3, region("天津市", "天津市", "和平区 河西区 南开区", "南京路 友谊路 鞍山西道"))
            .add(3, region("河南省", "郑州市", "金水区 二七区 郑东新区", "花园路 大学路 商务外环路"))
            .add(3, region("湖南省", "长沙市", "岳麓区 芙蓉区 天心区", "麓山南路 五一大道 芙蓉南路"))
            .add(3, region("陕西省", "西安市", "雁塔区 碑林区 未央区", "长安南路 东大街 凤城八路"))
            .add(2, region("安徽省", "合肥市", "蜀山区 包河区 庐阳区", "长江西路 徽州大道 阜阳路"))
            .add(2, region("辽宁省", "沈阳市", "和平区 沈河区 浑南区", "太原街 青年大街 浑南中路"))
            .add(2, region("辽宁省", "大连市", "中山区 沙河口区 甘井子区", "人民路 西安路 华北路"))
            .add(2, region("河北省", "石家庄市", "长安区 桥西区 裕华区", "中山东路 自强路 槐安东路"))
            .add(2, region("云南省", "昆明市", "五华区 盘龙区 官渡区", "东风西路 北京路 春城路"))
            .add(1, region("广西壮族自治区", "南宁市", "青秀区 兴宁区 西乡塘区", "民族大道 朝阳路 大学东路"))
            .add(1, region("黑龙江省", "哈尔滨市", "南岗区 道里区 香坊区", "中山路 中央大街 红旗大街"))
            .add(1, abroad("SG", "", "Singapore", "Orchard/Tampines/Jurong East", "Orchard Road/Tampines Avenue 4"))
            .add(1, abroad("US", "California", "Los Angeles", "Downtown/Westwood", "Wilshire Boulevard/Figueroa Street"))
            .add(1, abroad("MY", "Kuala Lumpur", "Kuala Lumpur", "Bukit Bintang/Cheras", "Jalan Bukit Bintang/Jalan Cheras"))
            .add(1, abroad("JP", "Tokyo", "Tokyo", "Shinjuku/Shibuya", "Meiji-dori/Yasukuni-dori"))
            .add(1, abroad("AU", "New South Wales", "Sydney", "Chatswood/Haymarket", "George Street/Victoria Avenue"))
            .add(1, abroad("CA", "British Columbia", "Vancouver", "Richmond/Burnaby", "No. 3 Road/Kingsway"));

    private Regions() {
    }

    static Region draw(RandomGenerator random) {
        return REGIONS.draw(random);
    }

    private static Region region(String province, String city, String districts, String streets) {
        return new Region("CN", province, city, List.of(districts.split(" ")), List.of(streets.split(" ")));
    }

    /** Districts and streets separated by "/" (their names have spaces). */
    private static Region abroad(String country, String province, String city, String districts, String streets) {
        return new Region(country, province, city, List.of(districts.split("/")), List.of(streets.split("/")));
    }
}
