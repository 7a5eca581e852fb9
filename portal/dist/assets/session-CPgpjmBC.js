var e=(function(){var e={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},t={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},i=[{kind:`Literal`,name:`first`,value:500},{kind:`Literal`,name:`orderBy`,value:{direction:`ASC`,field:`SKU`}}],a={alias:null,args:null,kind:`ScalarField`,name:`totalCount`,storageKey:null},o={alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},s={alias:null,args:null,kind:`ScalarField`,name:`description`,storageKey:null},c={alias:null,args:null,kind:`ScalarField`,name:`tier`,storageKey:null},l={alias:null,args:null,concreteType:`Availability`,kind:`LinkedField`,name:`availability`,plural:!0,selections:[o,{alias:null,args:null,kind:`ScalarField`,name:`available`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`reserving`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`leased`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`rebuilding`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`maintenance`,storageKey:null}],storageKey:null};return{fragment:{argumentDefinitions:[],kind:`Fragment`,metadata:null,name:`CatalogQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r],storageKey:null}],storageKey:null},{alias:null,args:i,concreteType:`ProductConnection`,kind:`LinkedField`,name:`products`,plural:!1,selections:[a,{alias:null,args:null,concreteType:`ProductEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`node`,plural:!1,selections:[e,o,t,s,c,{args:null,kind:`FragmentSpread`,name:`Catalog_product`}],storageKey:null}],storageKey:null}],storageKey:`products(first:500,orderBy:{"direction":"ASC","field":"SKU"})`},l],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:[],kind:`Operation`,name:`CatalogQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r,e],storageKey:null}],storageKey:null},{alias:null,args:i,concreteType:`ProductConnection`,kind:`LinkedField`,name:`products`,plural:!1,selections:[a,{alias:null,args:null,concreteType:`ProductEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`node`,plural:!1,selections:[e,o,t,s,c,{alias:null,args:null,kind:`ScalarField`,name:`pricePerDay`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`currency`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`requiresApproval`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`defaultDuration`,storageKey:null},{alias:null,args:null,concreteType:`Stack`,kind:`LinkedField`,name:`components`,plural:!0,selections:[e,{alias:null,args:null,kind:`ScalarField`,name:`quantity`,storageKey:null},{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`product`,plural:!1,selections:[o,e],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:`products(first:500,orderBy:{"direction":"ASC","field":"SKU"})`},l]},params:{cacheID:`3e36f43c1a5648c3e520dc185a85d42a`,id:null,metadata:{},name:`CatalogQuery`,operationKind:`query`,text:`query CatalogQuery {
  viewer {
    id
    name
    role
    costCenter {
      code
      id
    }
  }
  products(first: 500, orderBy: {field: SKU, direction: ASC}) {
    totalCount
    edges {
      node {
        id
        sku
        name
        description
        tier
        ...Catalog_product
      }
    }
  }
  availability {
    sku
    available
    reserving
    leased
    rebuilding
    maintenance
  }
}

fragment Catalog_product on Product {
  sku
  name
  description
  tier
  pricePerDay
  currency
  requiresApproval
  defaultDuration
  components {
    id
    quantity
    product {
      sku
      id
    }
  }
}
`}}})();e.hash=`5516208b37a8412af7182b2cdcbde4f2`;var t=(function(){var e={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},t={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},i={kind:`Literal`,name:`orderBy`,value:{direction:`DESC`,field:`CREATED_AT`}},a=[{kind:`Literal`,name:`first`,value:200},i,{kind:`Literal`,name:`where`,value:{statusIn:[`SCHEDULED`,`QUEUED`,`PENDING`,`ACTIVE`]}}],o={alias:null,args:null,kind:`ScalarField`,name:`totalCount`,storageKey:null},s={alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null},c={alias:null,args:null,kind:`ScalarField`,name:`createdAt`,storageKey:null},l={alias:null,args:null,kind:`ScalarField`,name:`note`,storageKey:null},u={alias:null,args:null,kind:`ScalarField`,name:`statusMessage`,storageKey:null},d={alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},f={alias:null,args:null,concreteType:`RequestedLine`,kind:`LinkedField`,name:`requested`,plural:!0,selections:[d,{alias:null,args:null,kind:`ScalarField`,name:`quantity`,storageKey:null}],storageKey:null},p=[{kind:`Literal`,name:`first`,value:20},i,{kind:`Literal`,name:`where`,value:{statusIn:[`RETURNED`,`EXPIRED`,`REJECTED`]}}];return{fragment:{argumentDefinitions:[],kind:`Fragment`,metadata:null,name:`MyMetalQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r],storageKey:null},{alias:`current`,args:a,concreteType:`LeaseConnection`,kind:`LinkedField`,name:`leases`,plural:!1,selections:[o,{alias:null,args:null,concreteType:`LeaseEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`node`,plural:!1,selections:[e,{args:null,kind:`FragmentSpread`,name:`MyMetal_lease`}],storageKey:null}],storageKey:null}],storageKey:`leases(first:200,orderBy:{"direction":"DESC","field":"CREATED_AT"},where:{"statusIn":["SCHEDULED","QUEUED","PENDING","ACTIVE"]})`},{args:null,kind:`FragmentSpread`,name:`MyMetal_history`}],storageKey:null}],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:[],kind:`Operation`,name:`MyMetalQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[e,t,n,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[r,e],storageKey:null},{alias:`current`,args:a,concreteType:`LeaseConnection`,kind:`LinkedField`,name:`leases`,plural:!1,selections:[o,{alias:null,args:null,concreteType:`LeaseEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`node`,plural:!1,selections:[e,s,{alias:null,args:null,kind:`ScalarField`,name:`awaitingApproval`,storageKey:null},c,{alias:null,args:null,kind:`ScalarField`,name:`startsAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},l,u,{alias:null,args:null,kind:`ScalarField`,name:`queuePosition`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`queuedUntil`,storageKey:null},f,{alias:null,args:null,concreteType:`Allocation`,kind:`LinkedField`,name:`allocations`,plural:!0,selections:[e,{alias:null,args:null,kind:`ScalarField`,name:`vendedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`releasedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`credentials`,storageKey:null},{alias:null,args:null,concreteType:`InventoryItem`,kind:`LinkedField`,name:`item`,plural:!1,selections:[e,t,{alias:null,args:null,kind:`ScalarField`,name:`pool`,storageKey:null},{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`product`,plural:!1,selections:[d,e],storageKey:null}],storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`ExtensionRequest`,kind:`LinkedField`,name:`openExtensionRequest`,plural:!1,selections:[e,{alias:null,args:null,kind:`ScalarField`,name:`by`,storageKey:null},c],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:`leases(first:200,orderBy:{"direction":"DESC","field":"CREATED_AT"},where:{"statusIn":["SCHEDULED","QUEUED","PENDING","ACTIVE"]})`},{alias:`history`,args:p,concreteType:`LeaseConnection`,kind:`LinkedField`,name:`leases`,plural:!1,selections:[o,{alias:null,args:null,concreteType:`LeaseEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`node`,plural:!1,selections:[e,s,c,{alias:null,args:null,kind:`ScalarField`,name:`endedAt`,storageKey:null},u,l,f,{alias:null,args:null,concreteType:`Allocation`,kind:`LinkedField`,name:`allocations`,plural:!0,selections:[e,{alias:null,args:null,concreteType:`InventoryItem`,kind:`LinkedField`,name:`item`,plural:!1,selections:[e,t],storageKey:null}],storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`__typename`,storageKey:null}],storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`cursor`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`PageInfo`,kind:`LinkedField`,name:`pageInfo`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`endCursor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`hasNextPage`,storageKey:null}],storageKey:null}],storageKey:`leases(first:20,orderBy:{"direction":"DESC","field":"CREATED_AT"},where:{"statusIn":["RETURNED","EXPIRED","REJECTED"]})`},{alias:`history`,args:p,filters:[`where`,`orderBy`],handle:`connection`,key:`MyMetal_history`,kind:`LinkedHandle`,name:`leases`}],storageKey:null}]},params:{cacheID:`1c82ed6919bc4ca1e0f553b3cddc6ea7`,id:null,metadata:{},name:`MyMetalQuery`,operationKind:`query`,text:`query MyMetalQuery {
  viewer {
    id
    name
    role
    costCenter {
      code
      id
    }
    current: leases(first: 200, where: {statusIn: [SCHEDULED, QUEUED, PENDING, ACTIVE]}, orderBy: {field: CREATED_AT, direction: DESC}) {
      totalCount
      edges {
        node {
          id
          ...MyMetal_lease
        }
      }
    }
    ...MyMetal_history
  }
}

fragment BookingActions_lease on Lease {
  id
  status
  startsAt
  endsAt
}

fragment LeaseActions_lease on Lease {
  id
  status
  awaitingApproval
  requested {
    sku
    quantity
  }
  allocations {
    id
    item {
      id
      product {
        sku
        id
      }
    }
  }
  openExtensionRequest {
    id
    by
    createdAt
  }
}

fragment LeaseItems_lease on Lease {
  allocations {
    id
    vendedAt
    releasedAt
    credentials
    item {
      id
      name
      pool
      product {
        sku
        id
      }
    }
  }
}

fragment MyMetal_history on User {
  history: leases(first: 20, where: {statusIn: [RETURNED, EXPIRED, REJECTED]}, orderBy: {field: CREATED_AT, direction: DESC}) {
    totalCount
    edges {
      node {
        id
        status
        createdAt
        endedAt
        statusMessage
        note
        requested {
          sku
          quantity
        }
        allocations {
          id
          item {
            id
            name
          }
        }
        __typename
      }
      cursor
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
  id
}

fragment MyMetal_lease on Lease {
  id
  status
  awaitingApproval
  createdAt
  startsAt
  endsAt
  note
  statusMessage
  queuePosition
  queuedUntil
  requested {
    sku
    quantity
  }
  allocations {
    id
  }
  ...LeaseItems_lease
  ...LeaseActions_lease
  ...BookingActions_lease
}
`}}})();t.hash=`5871896ed6186410828d5b85f883f8a2`;var n=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`sku`}],t={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},i={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},a=[{kind:`Variable`,name:`sku`,variableName:`sku`}],o={alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},s={alias:null,args:null,kind:`ScalarField`,name:`description`,storageKey:null},c={alias:null,args:null,kind:`ScalarField`,name:`type`,storageKey:null},l={alias:null,args:null,concreteType:`ProductParameter`,kind:`LinkedField`,name:`parameters`,plural:!0,selections:[n,c,s,{alias:null,args:null,kind:`ScalarField`,name:`required`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`default`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`fixed`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`values`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`min`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`max`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`maxLength`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`pattern`,storageKey:null}],storageKey:null},u={alias:null,args:a,concreteType:`Product`,kind:`LinkedField`,name:`product`,plural:!1,selections:[t,o,n,s,{alias:null,args:null,kind:`ScalarField`,name:`tier`,storageKey:null},c,{alias:null,args:null,kind:`ScalarField`,name:`size`,storageKey:null},{alias:null,args:null,concreteType:`Attribute`,kind:`LinkedField`,name:`attributes`,plural:!0,selections:[{alias:null,args:null,kind:`ScalarField`,name:`key`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`value`,storageKey:null}],storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`pricePerDay`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`currency`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`defaultDuration`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`minDuration`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`maxDuration`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`maxLifetime`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`requiresApproval`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`extensionRequiresApproval`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`retired`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`custom`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`expiresAt`,storageKey:null},{alias:null,args:null,concreteType:`Stack`,kind:`LinkedField`,name:`components`,plural:!0,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`quantity`,storageKey:null},{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`product`,plural:!1,selections:[t,o,n,l],storageKey:null}],storageKey:null},l],storageKey:null},d={alias:null,args:a,concreteType:`Availability`,kind:`LinkedField`,name:`availability`,plural:!0,selections:[o,{alias:null,args:null,kind:`ScalarField`,name:`available`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`reserving`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`leased`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`rebuilding`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`maintenance`,storageKey:null}],storageKey:null};return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`ProductPageQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[t,n,r,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[i],storageKey:null}],storageKey:null},u,d],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`ProductPageQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[t,n,r,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[i,t],storageKey:null}],storageKey:null},u,d]},params:{cacheID:`92a86c4d7b0e49b6af160c972066b20f`,id:null,metadata:{},name:`ProductPageQuery`,operationKind:`query`,text:`query ProductPageQuery(
  $sku: String!
) {
  viewer {
    id
    name
    role
    costCenter {
      code
      id
    }
  }
  product(sku: $sku) {
    id
    sku
    name
    description
    tier
    type
    size
    attributes {
      key
      value
    }
    pricePerDay
    currency
    defaultDuration
    minDuration
    maxDuration
    maxLifetime
    requiresApproval
    extensionRequiresApproval
    retired
    custom
    expiresAt
    components {
      id
      quantity
      product {
        id
        sku
        name
        parameters {
          name
          type
          description
          required
          default
          fixed
          values
          min
          max
          maxLength
          pattern
        }
      }
    }
    parameters {
      name
      type
      description
      required
      default
      fixed
      values
      min
      max
      maxLength
      pattern
    }
  }
  availability(sku: $sku) {
    sku
    available
    reserving
    leased
    rebuilding
    maintenance
  }
}
`}}})();n.hash=`ec4b427176042cb7ede20a344ab72eb0`;var r=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`id`}],t={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},i={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},a=[{kind:`Variable`,name:`id`,variableName:`id`}],o={alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[i,t],storageKey:null},s={alias:null,args:null,kind:`ScalarField`,name:`createdAt`,storageKey:null},c={alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},l={alias:null,args:null,kind:`ScalarField`,name:`quantity`,storageKey:null},u={alias:null,args:null,kind:`ScalarField`,name:`kind`,storageKey:null};return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`LeasePageQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[t,n,r,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[i],storageKey:null}],storageKey:null},{alias:null,args:a,concreteType:`Lease`,kind:`LinkedField`,name:`lease`,plural:!1,selections:[t,{args:null,kind:`FragmentSpread`,name:`LeasePage_detail`}],storageKey:null}],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`LeasePageQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[t,n,r,o],storageKey:null},{alias:null,args:a,concreteType:`Lease`,kind:`LinkedField`,name:`lease`,plural:!1,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`awaitingApproval`,storageKey:null},s,{alias:null,args:null,kind:`ScalarField`,name:`startsAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`endsAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`endedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`duration`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`note`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`statusMessage`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`decidedBy`,storageKey:null},{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[t,n,o],storageKey:null},{alias:null,args:null,concreteType:`RequestedLine`,kind:`LinkedField`,name:`requested`,plural:!0,selections:[c,l],storageKey:null},{alias:null,args:null,concreteType:`LeaseParameter`,kind:`LinkedField`,name:`parameters`,plural:!0,selections:[{alias:null,args:null,kind:`ScalarField`,name:`line`,storageKey:null},c,{alias:null,args:null,kind:`ScalarField`,name:`component`,storageKey:null},n,{alias:null,args:null,kind:`ScalarField`,name:`type`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`value`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`secret`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`Allocation`,kind:`LinkedField`,name:`allocations`,plural:!0,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`vendedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`releasedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`credentials`,storageKey:null},{alias:null,args:null,concreteType:`InventoryItem`,kind:`LinkedField`,name:`item`,plural:!1,selections:[t,n,{alias:null,args:null,kind:`ScalarField`,name:`pool`,storageKey:null},{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`product`,plural:!1,selections:[c,t],storageKey:null}],storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`ExtensionRequest`,kind:`LinkedField`,name:`openExtensionRequest`,plural:!1,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`by`,storageKey:null},s,{alias:null,args:null,kind:`ScalarField`,name:`mayDecide`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`Event`,kind:`LinkedField`,name:`events`,plural:!0,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`at`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`actor`,storageKey:null},u,{alias:null,args:null,kind:`ScalarField`,name:`from`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`to`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`message`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`Order`,kind:`LinkedField`,name:`orders`,plural:!0,selections:[t,u,{alias:null,args:null,kind:`ScalarField`,name:`periodStart`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`periodEnd`,storageKey:null},s,{alias:null,args:null,concreteType:`Stack`,kind:`LinkedField`,name:`contents`,plural:!0,selections:[t,l,{alias:null,args:null,kind:`ScalarField`,name:`price`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`currency`,storageKey:null},{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`product`,plural:!1,selections:[t,c],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:null}]},params:{cacheID:`703f5b6de9aa4a9f10e94da86ca211b3`,id:null,metadata:{},name:`LeasePageQuery`,operationKind:`query`,text:`query LeasePageQuery(
  $id: ID!
) {
  viewer {
    id
    name
    role
    costCenter {
      code
      id
    }
  }
  lease(id: $id) {
    id
    ...LeasePage_detail
  }
}

fragment BookingActions_lease on Lease {
  id
  status
  startsAt
  endsAt
}

fragment LeaseActions_lease on Lease {
  id
  status
  awaitingApproval
  requested {
    sku
    quantity
  }
  allocations {
    id
    item {
      id
      product {
        sku
        id
      }
    }
  }
  openExtensionRequest {
    id
    by
    createdAt
  }
}

fragment LeaseItems_lease on Lease {
  allocations {
    id
    vendedAt
    releasedAt
    credentials
    item {
      id
      name
      pool
      product {
        sku
        id
      }
    }
  }
}

fragment LeasePage_detail on Lease {
  id
  status
  awaitingApproval
  createdAt
  startsAt
  endsAt
  endedAt
  duration
  note
  statusMessage
  decidedBy
  owner {
    id
    name
    costCenter {
      code
      id
    }
  }
  requested {
    sku
    quantity
  }
  parameters {
    line
    sku
    component
    name
    type
    value
    secret
  }
  ...LeaseItems_lease
  ...LeaseActions_lease
  ...BookingActions_lease
  openExtensionRequest {
    id
    by
    mayDecide
  }
  events {
    id
    at
    actor
    kind
    from
    to
    message
  }
  orders {
    id
    kind
    periodStart
    periodEnd
    createdAt
    contents {
      id
      quantity
      price
      currency
      product {
        id
        sku
      }
    }
  }
}
`}}})();r.hash=`743b698a2084750a347dc0a2f381e587`;function i(e,t){let n=e.split(`/`).filter(Boolean),r=t.split(`/`).filter(Boolean);if(n.length!==r.length)return null;let i={};for(let e=0;e<n.length;e++)if(n[e].startsWith(`:`))try{i[n[e].slice(1)]=decodeURIComponent(r[e])}catch{return null}else if(n[e]!==r[e])return null;return i}var a=[[`/`,e,()=>({})],[`/metal`,t,()=>({})],[`/catalog/:sku`,n,e=>({sku:e.sku})],[`/leases/:id`,r,e=>({id:e.id})]];function o(e){for(let[t,n,r]of a){let a=i(t,e);if(a)return{query:n,variables:r(a)}}return null}function s(e,t){return`${e} ${JSON.stringify(t)}`}function c(e,t,n){return fetch(`/graphql`,{method:`POST`,headers:{"Content-Type":`application/json`,Accept:`application/json`,Authorization:`Bearer ${e}`},body:JSON.stringify({query:t,variables:n}),credentials:`omit`,referrerPolicy:`no-referrer`})}var l=`hardcandy.token`,u=`hardcandy.viewer`,d=`hardcandy.signin-notice`;function f(){return sessionStorage.getItem(l)}function p(){try{let e=sessionStorage.getItem(u);return e?JSON.parse(e):null}catch{return null}}function m(e,t){sessionStorage.setItem(l,e),sessionStorage.setItem(u,JSON.stringify(t))}function h(e){sessionStorage.setItem(u,JSON.stringify(e))}function g(e){sessionStorage.removeItem(l),sessionStorage.removeItem(u),e&&sessionStorage.setItem(d,e)}function _(){let e=sessionStorage.getItem(d);return sessionStorage.removeItem(d),e}function v(e){return e?.role===`MANAGER`||e?.role===`ADMIN`}function y(e){return e?.role===`ADMIN`}export{p as a,_ as c,c as d,i as f,e as g,t as h,f as i,s as l,n as m,y as n,m as o,r as p,v as r,h as s,g as t,o as u};