package vn.antq.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitKindTest {
  @Test
  void administrativeLevels() {
    assertThat(UnitKind.DISTRICT.fitsUnder(UnitKind.PROVINCE)).isTrue();
    assertThat(UnitKind.WARD.fitsUnder(UnitKind.PROVINCE)).isTrue();
    assertThat(UnitKind.COMMUNE.fitsUnder(UnitKind.DISTRICT)).isTrue();
    assertThat(UnitKind.HAMLET.fitsUnder(UnitKind.SPECIAL_ZONE)).isTrue();
    assertThat(UnitKind.HAMLET.fitsUnder(UnitKind.PROVINCE)).isFalse();
    assertThat(UnitKind.PROVINCE.fitsUnder(UnitKind.PROVINCE)).isFalse();
    assertThat(UnitKind.WARD.fitsUnder(UnitKind.HAMLET)).isFalse();
  }

  @Test
  void organisationsSitUnderTheirPlace() {
    assertThat(UnitKind.POLICE.fitsUnder(UnitKind.WARD)).isTrue();
    assertThat(UnitKind.POLICE.fitsUnder(UnitKind.POLICE)).isTrue();
    assertThat(UnitKind.POLICE.fitsUnder(UnitKind.HAMLET)).isFalse();
    assertThat(UnitKind.MEMBER_ORGANISATION.fitsUnder(UnitKind.FRONT_COMMITTEE)).isTrue();
    assertThat(UnitKind.SCHOOL.fitsUnder(UnitKind.COMMUNE)).isTrue();
    assertThat(UnitKind.SCHOOL.fitsUnder(UnitKind.POLICE)).isFalse();
  }

  @Test
  void rootsAndMergeLevels() {
    assertThat(UnitKind.PROVINCE.mayBeRoot()).isTrue();
    assertThat(UnitKind.WARD.mayBeRoot()).isFalse();
    assertThat(UnitKind.WARD.mergeLevel()).isEqualTo(UnitKind.COMMUNE.mergeLevel());
    assertThat(UnitKind.WARD.mergeLevel()).isNotEqualTo(UnitKind.HAMLET.mergeLevel());
    assertThat(UnitKind.WARD.childKinds()).contains(UnitKind.HAMLET, UnitKind.POLICE);
    assertThat(UnitKind.HAMLET.childKinds()).isEmpty();
  }

  @Test
  void theReformAbolishedDistrictsAndTownships() {
    assertThat(UnitKind.TOWNSHIP.fitsUnder(UnitKind.DISTRICT)).isTrue();
    assertThat(UnitKind.TOWNSHIP.fitsUnder(UnitKind.PROVINCE)).isFalse();
    assertThat(UnitKind.TOWNSHIP.isCommuneLevel()).isTrue();
    assertThat(UnitKind.HAMLET.fitsUnder(UnitKind.TOWNSHIP)).isTrue();
    assertThat(UnitKind.POLICE.fitsUnder(UnitKind.TOWNSHIP)).isTrue();
    assertThat(UnitKind.TOWNSHIP.mergeLevel()).isEqualTo(UnitKind.COMMUNE.mergeLevel());
    assertThat(UnitKind.TOWNSHIP.abolishedOn()).isEqualTo(java.time.LocalDate.of(2025, 7, 1));
    assertThat(UnitKind.DISTRICT.abolishedOn()).isEqualTo(UnitKind.REFORM_2025);
    assertThat(UnitKind.WARD.abolishedOn()).isNull();
  }
}
