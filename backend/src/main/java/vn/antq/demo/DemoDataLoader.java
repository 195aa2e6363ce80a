package vn.antq.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.antq.common.db.Rows;
import vn.antq.security.Role;
import vn.antq.security.UserService;
import vn.antq.unit.MergeCommand;
import vn.antq.unit.UnitCommand;
import vn.antq.unit.UnitKind;
import vn.antq.unit.UnitMerger;
import vn.antq.unit.UnitService;

/**
 * Demo data made from the seed articles' places, loaded on the first start of an empty database
 * when {@code antq.demo-data} is true (the default only for the embedded database).
 *
 * <p>All 34 provinces of 2025 and the 63 they were formed from (with MERGE lineage on 1/7/2025),
 * plus detailed trees for Cà Mau / Bạc Liêu, Lâm Đồng / Bình Thuận (Phan Thiết, La Gi) and Nghệ An
 * (Cửa Lò). Unit codes are left empty: the official codes are not invented here. The start date
 * 1/8/2008 (the 63-province map) is used for pre-2025 units; how old wards fold into the 2025 wards
 * is illustrative.
 */
@ApplicationScoped
public class DemoDataLoader {
  private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
  static final LocalDate MAP_2008 = LocalDate.of(2008, 8, 1);
  static final LocalDate DISTRICT_POLICE_CLOSED = LocalDate.of(2025, 3, 1);
  static final LocalDate REFORM_2025 = LocalDate.of(2025, 7, 1);
  static final String NQ_202 = "Nghị quyết 202/2025/QH15 sắp xếp đơn vị hành chính cấp tỉnh";
  static final String NQ_WARDS = "Sắp xếp đơn vị hành chính cấp xã năm 2025";

  @ConfigProperty(name = "antq.demo-data", defaultValue = "false")
  boolean enabled;

  /** Demo accounts' password: demo only, printed in the README, never in production. */
  public static final String DEMO_PASSWORD = "antq-demo-2025";

  @Inject UnitService units;
  @Inject UnitMerger merger;
  @Inject UserService users;
  private final Map<String, Long> named = new LinkedHashMap<>();
  @Inject EntityManager em;
  @Inject DemoModels demoModels;
  @Inject DemoEvents demoEvents;
  @Inject DemoAwards demoAwards;
  @Inject DemoIndicators demoIndicators;
  @Inject DemoSafety demoSafety;

  void onStart(@Observes StartupEvent event) {
    if (enabled) {
      load();
    }
  }

  /** Loads the demo data unless the database already has units; safe with several replicas. */
  @Transactional
  @ActivateRequestContext
  public boolean load() {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(727001)").getSingleResult();
    Long existing =
        Rows.toLongOrNull(em.createNativeQuery("SELECT count(*) FROM unit").getSingleResult());
    if (existing.longValue() > 0) {
      return false;
    }
    long started = System.nanoTime();
    Map<String, Long> provinces = loadProvinces();
    caMau(provinces);
    lamDong(provinces);
    ngheAn(provinces);
    mergeProvinces(provinces);
    accounts(provinces);
    long modelsStarted = System.nanoTime();
    int models =
        demoModels.load(
            List.of(provinces.get("Cà Mau"), provinces.get("Lâm Đồng"), provinces.get("Nghệ An")),
            6);
    LOG.infof(
        "Demo models: %d with their rosters in %d ms",
        models, (System.nanoTime() - modelsStarted) / 1_000_000);
    int eventCount =
        demoEvents.load(
            provinces.get("Cà Mau"),
            List.of(provinces.get("Cà Mau"), provinces.get("Lâm Đồng"), provinces.get("Nghệ An")));
    LOG.infof("Demo events: %d", eventCount);
    LOG.infof(
        "Demo award decisions: %d",
        demoAwards.load(
            provinces.get("Cà Mau"), provinces.get("Bạc Liêu"), provinces.get("Nghệ An")));
    LOG.infof(
        "Demo reported periods: %d",
        demoIndicators.load(
            provinces.get("Cà Mau"), provinces.get("Bạc Liêu"), named.get("Phường Bạc Liêu")));
    LOG.infof(
        "Demo safety assessments and designations: %d",
        demoSafety.load(named.get("Phường Bạc Liêu")));
    // the demo's past is not news: what loading it told people (models moved on, periods sent,
    // decisions) is not left in anyone's bell
    em.createNativeQuery("DELETE FROM mail_outbox").executeUpdate();
    em.createNativeQuery("DELETE FROM notification").executeUpdate();
    LOG.infof("Demo data loaded in %d ms", (System.nanoTime() - started) / 1_000_000);
    return true;
  }

  // ------------------------------------------------------------ provinces

  private final Map<String, List<String>> formedFrom = new LinkedHashMap<>();

  private Map<String, Long> loadProvinces() {
    Map<String, Long> ids = new LinkedHashMap<>();
    for (String[] row : csv("/demo/provinces-2025.csv")) {
      String province2025 = row[0];
      List<String> sources = List.of(row[2].split(";"));
      formedFrom.put(province2025, sources);
      for (String source : sources) {
        ids.put(source, unit(source, UnitKind.PROVINCE, null, MAP_2008));
      }
    }
    return ids;
  }

  private void mergeProvinces(Map<String, Long> ids) {
    formedFrom.forEach(
        (province, sources) -> {
          List<Long> merged = sources.stream().skip(1).map(ids::get).toList();
          if (!merged.isEmpty()) {
            merger.merge(
                new MergeCommand(merged, ids.get(sources.get(0)), REFORM_2025, true, NQ_202));
          }
        });
  }

  // ------------------------------------------------------------ Cà Mau and Bạc Liêu

  private void caMau(Map<String, Long> p) {
    long caMau = p.get("Cà Mau");
    long bacLieu = p.get("Bạc Liêu");
    long policeCaMau = unit("Công an tỉnh Cà Mau", UnitKind.POLICE, caMau, MAP_2008);
    long policeBacLieu = unit("Công an tỉnh Bạc Liêu", UnitKind.POLICE, bacLieu, MAP_2008);
    long frontCaMau =
        unit("Ủy ban MTTQ Việt Nam tỉnh Cà Mau", UnitKind.FRONT_COMMITTEE, caMau, MAP_2008);
    long frontBacLieu =
        unit("Ủy ban MTTQ Việt Nam tỉnh Bạc Liêu", UnitKind.FRONT_COMMITTEE, bacLieu, MAP_2008);
    unit("Hội Liên hiệp Phụ nữ tỉnh Cà Mau", UnitKind.MEMBER_ORGANISATION, frontCaMau, MAP_2008);
    unit("Tỉnh đoàn Cà Mau", UnitKind.MEMBER_ORGANISATION, frontCaMau, MAP_2008);
    unit("Hội Nông dân tỉnh Bạc Liêu", UnitKind.MEMBER_ORGANISATION, frontBacLieu, MAP_2008);

    // before 2025: city districts with numbered wards
    long tpBacLieu = unit("Thành phố Bạc Liêu", UnitKind.DISTRICT, bacLieu, MAP_2008);
    List<Long> oldBacLieuWards = new ArrayList<>();
    for (String w :
        List.of("Phường 1", "Phường 2", "Phường 3", "Phường 5", "Phường 7", "Phường 8")) {
      oldBacLieuWards.add(unit(w, UnitKind.WARD, tpBacLieu, MAP_2008));
    }
    long nhaMat = unit("Phường Nhà Mát", UnitKind.WARD, tpBacLieu, MAP_2008);
    hamlets(oldBacLieuWards.get(0), "Khóm", 4);
    hamlets(nhaMat, "Khóm", 3);
    long tpCaMau = unit("Thành phố Cà Mau", UnitKind.DISTRICT, caMau, MAP_2008);
    List<Long> oldCaMauWards = new ArrayList<>();
    for (String w :
        List.of("Phường 1", "Phường 2", "Phường 4", "Phường 5", "Phường 9", "Phường Tân Xuyên")) {
      oldCaMauWards.add(unit(w, UnitKind.WARD, tpCaMau, MAP_2008));
    }
    hamlets(oldCaMauWards.get(4), "Khóm", 5);

    // 2025: the wards that replaced them, under the merged province
    long phuongBacLieu = unit("Phường Bạc Liêu", UnitKind.WARD, caMau, REFORM_2025);
    named.put("Phường Bạc Liêu", phuongBacLieu);
    long hiepThanh = unit("Phường Hiệp Thành", UnitKind.WARD, caMau, REFORM_2025);
    long anXuyen = unit("Phường An Xuyên", UnitKind.WARD, caMau, REFORM_2025);
    long tanThanh = unit("Phường Tân Thành", UnitKind.WARD, caMau, REFORM_2025);
    unit("Xã Lý Văn Lâm", UnitKind.COMMUNE, caMau, REFORM_2025);
    unit("Công an phường Bạc Liêu", UnitKind.POLICE, phuongBacLieu, REFORM_2025);
    unit("Công an phường An Xuyên", UnitKind.POLICE, anXuyen, REFORM_2025);
    unit("Ủy ban MTTQ Việt Nam phường An Xuyên", UnitKind.FRONT_COMMITTEE, anXuyen, REFORM_2025);
    unit("Trường THPT Chuyên Phan Ngọc Hiển", UnitKind.SCHOOL, anXuyen, REFORM_2025);

    merge(oldBacLieuWards.subList(0, 4), phuongBacLieu);
    merge(List.of(oldBacLieuWards.get(4), oldBacLieuWards.get(5), nhaMat), hiepThanh);
    merge(oldCaMauWards.subList(0, 4), anXuyen);
    merge(oldCaMauWards.subList(4, 6), tanThanh);
    retire(tpBacLieu);
    retire(tpCaMau);
    merger.merge(new MergeCommand(List.of(policeBacLieu), policeCaMau, REFORM_2025, true, NQ_202));
    merger.merge(new MergeCommand(List.of(frontBacLieu), frontCaMau, REFORM_2025, true, NQ_202));
  }

  // ------------------------------------------------------------ Lâm Đồng and Bình Thuận

  private void lamDong(Map<String, Long> p) {
    long lamDong = p.get("Lâm Đồng");
    long binhThuan = p.get("Bình Thuận");
    long policeLamDong = unit("Công an tỉnh Lâm Đồng", UnitKind.POLICE, lamDong, MAP_2008);
    long policeBinhThuan = unit("Công an tỉnh Bình Thuận", UnitKind.POLICE, binhThuan, MAP_2008);
    unit("Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng", UnitKind.FRONT_COMMITTEE, lamDong, MAP_2008);

    long phanThiet = unit("Thành phố Phan Thiết", UnitKind.DISTRICT, binhThuan, MAP_2008);
    long laGi = unit("Thị xã La Gi", UnitKind.DISTRICT, binhThuan, MAP_2008);
    long phuThuyOld = unit("Phường Phú Thủy", UnitKind.WARD, phanThiet, MAP_2008);
    long xuanAn = unit("Phường Xuân An", UnitKind.WARD, phanThiet, MAP_2008);
    long tanThien = unit("Phường Tân Thiện", UnitKind.WARD, laGi, MAP_2008);
    long tanAn = unit("Phường Tân An", UnitKind.WARD, laGi, MAP_2008);
    // the four model ward police units of 2024 (seed article)
    for (long w : List.of(phuThuyOld, xuanAn, tanThien, tanAn)) {
      unit("Công an " + lower(units.get(w).name()), UnitKind.POLICE, w, MAP_2008);
    }
    hamlets(phuThuyOld, "Khu phố", 4);
    hamlets(tanThien, "Khu phố", 3);

    long phuThuy = unit("Phường Phú Thủy", UnitKind.WARD, lamDong, REFORM_2025);
    long phuongPhanThiet = unit("Phường Phan Thiết", UnitKind.WARD, lamDong, REFORM_2025);
    long phuongLaGi = unit("Phường La Gi", UnitKind.WARD, lamDong, REFORM_2025);
    unit("Phường Xuân Hương - Đà Lạt", UnitKind.WARD, lamDong, REFORM_2025);
    merge(List.of(phuThuyOld), phuThuy);
    merge(List.of(xuanAn), phuongPhanThiet);
    merge(List.of(tanThien, tanAn), phuongLaGi);
    retire(phanThiet);
    retire(laGi);
    merger.merge(
        new MergeCommand(List.of(policeBinhThuan), policeLamDong, REFORM_2025, true, NQ_202));
  }

  // ------------------------------------------------------------ Nghệ An and Cửa Lò

  private void ngheAn(Map<String, Long> p) {
    long ngheAn = p.get("Nghệ An");
    long policeNgheAn = unit("Công an tỉnh Nghệ An", UnitKind.POLICE, ngheAn, MAP_2008);
    unit("Ủy ban MTTQ Việt Nam tỉnh Nghệ An", UnitKind.FRONT_COMMITTEE, ngheAn, MAP_2008);
    long cuaLo = unit("Thị xã Cửa Lò", UnitKind.DISTRICT, ngheAn, MAP_2008);
    long policeCuaLo = unit("Công an thị xã Cửa Lò", UnitKind.POLICE, cuaLo, MAP_2008);
    long frontCuaLo =
        unit("Ủy ban MTTQ Việt Nam thị xã Cửa Lò", UnitKind.FRONT_COMMITTEE, cuaLo, MAP_2008);
    List<Long> wards = new ArrayList<>();
    for (String w :
        List.of(
            "Phường Nghi Thủy",
            "Phường Nghi Tân",
            "Phường Thu Thủy",
            "Phường Nghi Hòa",
            "Phường Nghi Hải",
            "Phường Nghi Hương",
            "Phường Nghi Thu")) {
      wards.add(unit(w, UnitKind.WARD, cuaLo, MAP_2008));
    }
    hamlets(wards.get(0), "Khối", 5);
    hamlets(wards.get(2), "Khối", 4);
    long phuongCuaLo = unit("Phường Cửa Lò", UnitKind.WARD, ngheAn, REFORM_2025);
    named.put("Phường Cửa Lò", phuongCuaLo);
    unit("Công an phường Cửa Lò", UnitKind.POLICE, phuongCuaLo, REFORM_2025);
    // district police closed on 1/3/2025, before the district itself
    merger.merge(
        new MergeCommand(
            List.of(policeCuaLo),
            policeNgheAn,
            DISTRICT_POLICE_CLOSED,
            true,
            "Kết thúc hoạt động Công an cấp huyện từ 01/3/2025"));
    merge(wards, phuongCuaLo);
    retireAt(frontCuaLo, REFORM_2025);
    retire(cuaLo);
  }

  // ------------------------------------------------------------ accounts

  private void accounts(Map<String, Long> provinces) {
    users.ensure("admin", "Quản trị hệ thống (demo)", Role.ADMIN, null, DEMO_PASSWORD);
    users.ensure(
        "camau",
        "Cán bộ Công an tỉnh Cà Mau (demo)",
        Role.PROVINCE_OFFICER,
        provinces.get("Cà Mau"),
        DEMO_PASSWORD);
    users.ensure(
        "phuongbaclieu",
        "Cán bộ Công an phường Bạc Liêu (demo)",
        Role.COMMUNE_OFFICER,
        named.get("Phường Bạc Liêu"),
        DEMO_PASSWORD);
    users.ensure(
        "cualo",
        "Cán bộ Công an phường Cửa Lò (demo)",
        Role.COMMUNE_OFFICER,
        named.get("Phường Cửa Lò"),
        DEMO_PASSWORD);
    users.ensure(
        "xemcamau",
        "Người xem báo cáo Cà Mau (demo)",
        Role.VIEWER,
        provinces.get("Cà Mau"),
        DEMO_PASSWORD);
  }

  // ------------------------------------------------------------ helpers

  private long unit(String name, UnitKind kind, Long parentId, LocalDate from) {
    return units.create(new UnitCommand(null, name, kind, parentId, from, null)).id();
  }

  /** Numbered hamlets, named after their ward so they stay distinct once wards merge. */
  private void hamlets(long wardId, String prefix, int count) {
    String ward = units.get(wardId).name();
    for (int i = 1; i <= count; i++) {
      unit(prefix + " " + i + ", " + ward, UnitKind.HAMLET, wardId, MAP_2008);
    }
  }

  private void merge(List<Long> predecessors, long successor) {
    merger.merge(new MergeCommand(predecessors, successor, REFORM_2025, true, NQ_WARDS));
  }

  private void retire(long id) {
    retireAt(id, REFORM_2025);
  }

  private void retireAt(long id, LocalDate day) {
    units.retire(id, day);
  }

  private static String lower(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static List<String[]> csv(String resource) {
    try (InputStream in = DemoDataLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
